// Test support for golden images.
