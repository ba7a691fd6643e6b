// The JSON wire format of the Chart Analysis API.
