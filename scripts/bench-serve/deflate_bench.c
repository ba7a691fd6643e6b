/* zlib, libdeflate and ISA-L on the same filtered PNG scanlines (what PNGEncoder deflates):
 * median milliseconds and bytes per image, and a round trip through zlib's inflate to show the
 * bytes (hence the pixels) come back unchanged. The codecs take turns within each run, so a
 * noisy machine slows them alike. zlib and ISA-L set up a stream per image, as PNGEncoder
 * does; libdeflate's compressor is allocated once (a reused one, its best case).
 *   deflate_bench RAW_FILE RUNS */
#include <isa-l/igzip_lib.h>
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

enum { ZLIB, LIBDEFLATE, ISAL };
struct codec {
  int kind, level;
  const char *name;
  struct libdeflate_compressor *ldc;
  size_t bytes;
  int roundtrip;
  double *t;
};

static size_t compress_once(struct codec *c, const unsigned char *raw, size_t n, unsigned char *out, size_t cap) {
  if (c->kind == ZLIB) {
    z_stream s;
    memset(&s, 0, sizeof s);
    deflateInit2(&s, c->level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY);
    s.next_in = (unsigned char *)raw;
    s.avail_in = n;
    s.next_out = out;
    s.avail_out = cap;
    deflate(&s, Z_FINISH);
    size_t r = s.total_out;
    deflateEnd(&s);
    return r;
  }
  if (c->kind == LIBDEFLATE) return libdeflate_zlib_compress(c->ldc, raw, n, out, cap);
  static const unsigned sizes[] = {0, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT, ISAL_DEF_LVL3_DEFAULT};
  struct isal_zstream *s = malloc(sizeof *s);
  unsigned char *lb = sizes[c->level] ? malloc(sizes[c->level]) : NULL;
  isal_deflate_init(s);
  s->level = c->level;
  s->level_buf = lb;
  s->level_buf_size = sizes[c->level];
  s->gzip_flag = IGZIP_ZLIB;
  s->end_of_stream = 1;
  s->flush = NO_FLUSH;
  s->next_in = (unsigned char *)raw;
  s->avail_in = n;
  s->next_out = out;
  s->avail_out = cap;
  while (isal_deflate(s) == COMP_OK && s->internal_state.state != ZSTATE_END && s->avail_out > 0) {}
  size_t r = s->total_out;
  free(lb);
  free(s);
  return r;
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
  size_t cap = compressBound(n) + n / 16 + 65536;
  unsigned char *out = malloc(cap);
  char zname[64];
  snprintf(zname, sizeof zname, "zlib %s", zlibVersion());
  struct codec cs[] = {
      {ZLIB, 1, zname},       {LIBDEFLATE, 1, "libdeflate"}, {LIBDEFLATE, 2, "libdeflate"},
      {LIBDEFLATE, 3, "libdeflate"}, {LIBDEFLATE, 4, "libdeflate"}, {LIBDEFLATE, 6, "libdeflate"},
      {ISAL, 0, "isa-l"},     {ISAL, 1, "isa-l"},           {ISAL, 2, "isa-l"},
      {ISAL, 3, "isa-l"},
  };
  int nc = sizeof cs / sizeof cs[0];
  for (int c = 0; c < nc; c++) {
    cs[c].t = malloc(sizeof(double) * runs);
    if (cs[c].kind == LIBDEFLATE) cs[c].ldc = libdeflate_alloc_compressor(cs[c].level);
  }
  for (int r = 0; r < runs; r++) {
    for (int c = 0; c < nc; c++) {
      double t0 = now_ms();
      cs[c].bytes = compress_once(&cs[c], raw, n, out, cap);
      cs[c].t[r] = now_ms() - t0;
      if (r == 0) cs[c].roundtrip = same_after_inflate(out, cs[c].bytes, raw, n);
    }
  }
  for (int c = 0; c < nc; c++)
    printf("{\"codec\":\"%s\",\"level\":%d,\"median_ms\":%.3f,\"bytes\":%zu,\"roundtrip\":%s}\n", cs[c].name,
           cs[c].level, median(cs[c].t, runs), cs[c].bytes, cs[c].roundtrip ? "true" : "false");
  return 0;
}
