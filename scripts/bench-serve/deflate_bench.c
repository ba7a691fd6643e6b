/* zlib against libdeflate on the same filtered PNG scanlines (what PNGEncoder hands to zlib):
 * median milliseconds and bytes per image, and a round trip through zlib's inflate to show the
 * bytes (hence the pixels) come back unchanged.
 *   deflate_bench RAW_FILE RUNS */
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static double median(double *v, int n) {
  qsort(v, n, sizeof *v, cmp);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
static int same_after_inflate(const unsigned char *z, size_t zn, const unsigned char *raw, size_t n) {
  unsigned char *back = malloc(n + 1);
  uLongf bn = n + 1;
  int ok = uncompress(back, &bn, z, zn) == Z_OK && bn == n && memcmp(back, raw, n) == 0;
  free(back);
  return ok;
}

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  fseek(f, 0, SEEK_END);
  size_t n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *raw = malloc(n);
  if (fread(raw, 1, n, f) != n) return 2;
  fclose(f);
  int runs = atoi(argv[2]);
  size_t cap = compressBound(n) + 1024;
  unsigned char *out = malloc(cap);
  double *t = malloc(sizeof(double) * runs);

  /* zlib level 1, default strategy, window 15, memLevel 8: PNGEncoder's settings. */
  size_t zbytes = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now_ms();
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, 1, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY);
    s.next_in = raw;
    s.avail_in = n;
    s.next_out = out;
    s.avail_out = cap;
    deflate(&s, Z_FINISH);
    zbytes = s.total_out;
    deflateEnd(&s);
    t[r] = now_ms() - t0;
  }
  printf("{\"codec\":\"zlib %s\",\"level\":1,\"median_ms\":%.3f,\"bytes\":%zu,\"roundtrip\":%s}\n", zlibVersion(),
         median(t, runs), zbytes, same_after_inflate(out, zbytes, raw, n) ? "true" : "false");

  int levels[] = {1, 2, 3, 4, 6};
  for (int li = 0; li < 5; li++) {
    size_t bytes = 0;
    for (int r = 0; r < runs; r++) {
      double t0 = now_ms();
      struct libdeflate_compressor *c = libdeflate_alloc_compressor(levels[li]);
      bytes = libdeflate_zlib_compress(c, raw, n, out, cap);
      libdeflate_free_compressor(c);
      t[r] = now_ms() - t0;
    }
    printf("{\"codec\":\"libdeflate\",\"level\":%d,\"median_ms\":%.3f,\"bytes\":%zu,\"roundtrip\":%s}\n", levels[li],
           median(t, runs), bytes, same_after_inflate(out, bytes, raw, n) ? "true" : "false");
  }
  return 0;
}
