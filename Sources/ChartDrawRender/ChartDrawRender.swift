// Executes display lists with Cairo.
