#ifndef CPANGO_SHIM_H
#define CPANGO_SHIM_H
// Pango (shaping over HarfBuzz, bidi over FriBidi) drawing through Cairo, with its fontconfig
// font map, and fontconfig itself: the engine builds a private configuration that names
// exactly the pinned font files.
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>
#endif
