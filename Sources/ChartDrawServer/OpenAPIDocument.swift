import ChartDraw

/// The OpenAPI 3.1 document of every route, served at `GET /openapi.json`.
enum OpenAPIDocument {
    static let bytes: [UInt8] = Array(text.utf8)

    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "ChartDraw service",
            "version": "\#(ChartDrawVersion.string)",
            "description": "Validate, serialise and render Returning.AI chart analyses over HTTP (`chartdraw serve`). Stateless: run any number of instances behind a load balancer."
          },
          "paths": {
            "/healthz": {
              "get": {
                "operationId": "healthz",
                "summary": "Liveness: the process answers.",
                "responses": {
                  "200": {
                    "description": "Alive.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Status"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/readyz": {
              "get": {
                "operationId": "readyz",
                "summary": "Readiness: the render queue has room and the service is not shutting down.",
                "responses": {
                  "200": {
                    "description": "Ready.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Status"
                        }
                      }
                    }
                  },
                  "503": {
                    "$ref": "#/components/responses/Unavailable",
                    "description": "Busy or shutting down."
                  }
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "metrics",
                "summary": "Prometheus metrics: requests by route and status, latency histograms, render phases, in-flight renders, queue depth, cache.",
                "responses": {
                  "200": {
                    "description": "Prometheus text format 0.0.4.",
                    "content": {
                      "text/plain": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "This document.",
                "responses": {
                  "200": {
                    "description": "OpenAPI 3.1.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/v1/validate": {
              "post": {
                "operationId": "validate",
                "summary": "Validate a request body; every issue with its JSON pointer, code, severity and message (as `chartdraw validate --format json`).",
                "parameters": [
                  {
                    "name": "endpoint",
                    "in": "query",
                    "required": false,
                    "description": "Which endpoint the body is for.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "create",
                        "update",
                        "append"
                      ],
                      "default": "create"
                    }
                  },
                  {
                    "name": "lenient",
                    "in": "query",
                    "required": false,
                    "description": "Report unknown fields, unknown enum values and long texts as warnings, not errors (as --lenient).",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "description": "A Chart Analysis request body (see docs/wire-format.md).",
                        "additionalProperties": true
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The report (a body that is not JSON is reported as an issue, not an error).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ValidationReport"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error",
                    "description": "A query parameter is wrong."
                  },
                  "413": {
                    "$ref": "#/components/responses/Error",
                    "description": "The body is over the size limit."
                  },
                  "415": {
                    "$ref": "#/components/responses/Error",
                    "description": "The Content-Type is not JSON."
                  },
                  "503": {
                    "$ref": "#/components/responses/Unavailable",
                    "description": "Shutting down."
                  }
                }
              }
            },
            "/v1/payload/{endpoint}": {
              "post": {
                "operationId": "payload",
                "summary": "The canonical form of a request body (as `chartdraw payload`).",
                "parameters": [
                  {
                    "name": "endpoint",
                    "in": "path",
                    "required": true,
                    "schema": {
                      "type": "string",
                      "enum": [
                        "create",
                        "update",
                        "append"
                      ]
                    }
                  },
                  {
                    "name": "lenient",
                    "in": "query",
                    "required": false,
                    "description": "Report unknown fields, unknown enum values and long texts as warnings, not errors (as --lenient).",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  },
                  {
                    "name": "pretty",
                    "in": "query",
                    "required": false,
                    "description": "Indent with 2 spaces.",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "description": "A Chart Analysis request body (see docs/wire-format.md).",
                        "additionalProperties": true
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The canonical body.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    },
                    "headers": {
                      "ChartDraw-Warning-Count": {
                        "$ref": "#/components/headers/WarningCount"
                      },
                      "ChartDraw-Warnings": {
                        "$ref": "#/components/headers/Warnings"
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error",
                    "description": "The body is not valid JSON (the message and members give line and column), or a query parameter is wrong."
                  },
                  "404": {
                    "$ref": "#/components/responses/Error",
                    "description": "Unknown endpoint."
                  },
                  "413": {
                    "$ref": "#/components/responses/Error",
                    "description": "The body is over the size limit."
                  },
                  "415": {
                    "$ref": "#/components/responses/Error",
                    "description": "The Content-Type is not JSON."
                  },
                  "422": {
                    "description": "The body is invalid: every issue.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ValidationReport"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/v1/render": {
              "post": {
                "operationId": "render",
                "summary": "Render an analysis over candles to PNG, SVG or PDF.",
                "description": "The analysis is validated first (422 with every issue when invalid). The ETag is a hash of the normalised inputs: equal inputs give equal bytes and equal tags on every instance; send it back in If-None-Match for a 304. Warnings (what the picture could not show) are in the ChartDraw-Warnings header, or with ?warnings=json a JSON document replaces the image.",
                "parameters": [
                  {
                    "name": "lenient",
                    "in": "query",
                    "required": false,
                    "description": "Report unknown fields, unknown enum values and long texts as warnings, not errors (as --lenient).",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  },
                  {
                    "name": "warnings",
                    "in": "query",
                    "required": false,
                    "description": "json: answer with the warnings as JSON instead of the image.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "json"
                      ]
                    }
                  },
                  {
                    "name": "If-None-Match",
                    "in": "header",
                    "required": false,
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RenderRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The image (or, with warnings=json, the warnings).",
                    "headers": {
                      "ChartDraw-Warning-Count": {
                        "$ref": "#/components/headers/WarningCount"
                      },
                      "ChartDraw-Warnings": {
                        "$ref": "#/components/headers/Warnings"
                      },
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      },
                      "ChartDraw-Cache": {
                        "description": "hit, miss or off.",
                        "schema": {
                          "type": "string"
                        }
                      }
                    },
                    "content": {
                      "image/png": {
                        "schema": {
                          "type": "string",
                          "format": "binary"
                        }
                      },
                      "image/svg+xml": {
                        "schema": {
                          "type": "string"
                        }
                      },
                      "application/pdf": {
                        "schema": {
                          "type": "string",
                          "format": "binary"
                        }
                      },
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RenderWarnings"
                        }
                      }
                    }
                  },
                  "304": {
                    "description": "Not modified: If-None-Match names this rendering.",
                    "headers": {
                      "ETag": {
                        "$ref": "#/components/headers/ETag"
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/Error",
                    "description": "The body is not valid JSON (line and column given), or a query parameter is wrong."
                  },
                  "413": {
                    "$ref": "#/components/responses/Error",
                    "description": "The body or the image is over the size limits."
                  },
                  "415": {
                    "$ref": "#/components/responses/Error",
                    "description": "The Content-Type is not JSON."
                  },
                  "422": {
                    "description": "The analysis, candles or options are invalid: every issue, paths from the body's root.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ValidationReport"
                        }
                      }
                    }
                  },
                  "503": {
                    "$ref": "#/components/responses/Unavailable",
                    "description": "Every worker is busy and the queue is full, or the render waited past its deadline."
                  }
                }
              }
            }
          },
          "components": {
            "responses": {
              "Error": {
                "description": "An error: a JSON object saying what is wrong and how to fix it.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "Unavailable": {
                "description": "Not taking work now: retry after the number of seconds in Retry-After.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                },
                "headers": {
                  "Retry-After": {
                    "$ref": "#/components/headers/RetryAfter"
                  }
                }
              }
            },
            "headers": {
              "RetryAfter": {
                "description": "Seconds to wait before retrying.",
                "schema": {
                  "type": "string"
                }
              },
              "WarningCount": {
                "description": "How many warnings the response has.",
                "schema": {
                  "type": "string"
                }
              },
              "Warnings": {
                "description": "The warnings as a JSON array of strings (ASCII, cut at 4 KiB).",
                "schema": {
                  "type": "string"
                }
              },
              "ETag": {
                "description": "Hash of the normalised inputs.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "schemas": {
              "Status": {
                "type": "object",
                "required": [
                  "status"
                ],
                "properties": {
                  "status": {
                    "type": "string"
                  }
                }
              },
              "Error": {
                "type": "object",
                "required": [
                  "error"
                ],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": [
                      "status",
                      "code",
                      "message"
                    ],
                    "properties": {
                      "status": {
                        "type": "integer"
                      },
                      "code": {
                        "type": "string"
                      },
                      "message": {
                        "type": "string"
                      },
                      "line": {
                        "type": "integer",
                        "minimum": 1
                      },
                      "column": {
                        "type": "integer",
                        "minimum": 1
                      }
                    }
                  }
                }
              },
              "Issue": {
                "type": "object",
                "required": [
                  "path",
                  "code",
                  "severity",
                  "message"
                ],
                "properties": {
                  "path": {
                    "type": "string",
                    "description": "JSON pointer; empty for the whole body."
                  },
                  "code": {
                    "type": "string",
                    "description": "Stable code (docs/validation-codes.md)."
                  },
                  "severity": {
                    "type": "string",
                    "enum": [
                      "error",
                      "warning"
                    ]
                  },
                  "message": {
                    "type": "string"
                  }
                }
              },
              "ValidationReport": {
                "type": "object",
                "required": [
                  "valid",
                  "issues"
                ],
                "properties": {
                  "valid": {
                    "type": "boolean"
                  },
                  "issues": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Issue"
                    }
                  }
                }
              },
              "RenderOptions": {
                "type": "object",
                "additionalProperties": false,
                "description": "The options of `chartdraw render`.",
                "properties": {
                  "format": {
                    "type": "string",
                    "enum": [
                      "png",
                      "svg",
                      "pdf"
                    ],
                    "default": "png"
                  },
                  "width": {
                    "type": "integer",
                    "default": 1200,
                    "description": "Logical pixels (64 to 8192)."
                  },
                  "height": {
                    "type": "integer",
                    "default": 675,
                    "description": "Logical pixels (64 to 8192)."
                  },
                  "scale": {
                    "type": "number",
                    "default": 1,
                    "description": "Pixel scale (0.5 to 4)."
                  },
                  "theme": {
                    "type": "string",
                    "enum": [
                      "light",
                      "dark"
                    ],
                    "default": "light"
                  },
                  "from": {
                    "type": "string",
                    "description": "Start of the time range shown (ISO-8601 UTC); with to."
                  },
                  "to": {
                    "type": "string",
                    "description": "End of the time range shown (ISO-8601 UTC); with from."
                  },
                  "minPrice": {
                    "type": "number",
                    "description": "Lowest price shown; with maxPrice."
                  },
                  "maxPrice": {
                    "type": "number",
                    "description": "Highest price shown; with minPrice."
                  },
                  "createdAt": {
                    "type": "string",
                    "description": "When the analysis was created (ISO-8601 UTC); the expiry counts from it."
                  },
                  "precision": {
                    "type": "integer",
                    "description": "Decimals of price labels (0 to 12; default: the decimals of the candles and levels); the grid step is coarsened so no two lines share a label."
                  },
                  "timeAxis": {
                    "type": "string",
                    "enum": [
                      "bars",
                      "clock"
                    ],
                    "default": "bars",
                    "description": "bars: candles side by side, closed-market time takes no room; clock: proportional to time."
                  },
                  "showEvents": {
                    "type": "boolean",
                    "default": false,
                    "description": "Mark what price did to each drawing after the analysis (needs candles)."
                  },
                  "extendRight": {
                    "type": "boolean",
                    "default": false,
                    "description": "With showEvents: carry lines and channels on beyond their right-most point."
                  },
                  "candlesFormat": {
                    "type": "string",
                    "enum": [
                      "csv",
                      "json",
                      "ccxt",
                      "binance"
                    ],
                    "description": "The form of the candles when it cannot be told from their content (as --candles-format)."
                  },
                  "lenient": {
                    "type": "boolean",
                    "default": false
                  }
                }
              },
              "RenderRequest": {
                "type": "object",
                "required": [
                  "analysis"
                ],
                "additionalProperties": false,
                "properties": {
                  "analysis": {
                    "type": "object",
                    "description": "A create body.",
                    "additionalProperties": true
                  },
                  "candles": {
                    "description": "Candles: a JSON array of {time, open, high, low, close[, volume]} objects, or a string holding any candle file `chartdraw render --candles` reads (CSV).",
                    "oneOf": [
                      {
                        "type": "array",
                        "items": {
                          "type": "object"
                        }
                      },
                      {
                        "type": "string"
                      },
                      {
                        "type": "null"
                      }
                    ]
                  },
                  "options": {
                    "$ref": "#/components/schemas/RenderOptions"
                  }
                }
              },
              "RenderWarnings": {
                "type": "object",
                "required": [
                  "contentType",
                  "bytes",
                  "etag",
                  "issues",
                  "warnings"
                ],
                "properties": {
                  "contentType": {
                    "type": "string"
                  },
                  "bytes": {
                    "type": "integer"
                  },
                  "etag": {
                    "type": "string"
                  },
                  "issues": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Issue"
                    }
                  },
                  "warnings": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        }
        """#
}
