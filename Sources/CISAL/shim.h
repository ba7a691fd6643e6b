// Intel ISA-L's igzip deflate (Debian: libisal-dev), for PNG encoding.
#include <isa-l/igzip_lib.h>
#include <stdint.h>

// The level buffer ISA-L wants for a level (0 needs none); the sizes are macros Swift cannot
// import.
static inline uint32_t chartdraw_isal_level_buffer_size(uint32_t level) {
    switch (level) {
    case 1: return ISAL_DEF_LVL1_DEFAULT;
    case 2: return ISAL_DEF_LVL2_DEFAULT;
    case 3: return ISAL_DEF_LVL3_DEFAULT;
    default: return 0;
    }
}

// Whether the stream has written its last block.
static inline int chartdraw_isal_finished(const struct isal_zstream *stream) {
    return stream->internal_state.state == ZSTATE_END;
}
