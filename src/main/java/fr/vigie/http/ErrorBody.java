package fr.vigie.http;

/** The JSON of every error answer: a stable machine-readable code and one sentence for a person. */
record ErrorBody(String error, String detail) {}
