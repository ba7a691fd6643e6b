#ifndef CCAIRO_SHIM_H
#define CCAIRO_SHIM_H
// Cairo with its image, PNG, SVG, PDF and FreeType back ends, FreeType itself (fonts are
// loaded from a pinned file, not through fontconfig) and zlib (the PNG encoder).
#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <zlib.h>
#endif
