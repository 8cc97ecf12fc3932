package it.rivendo.invoicing.internal;

/** A number taken from a kind's sequence of a year. */
record DocumentNumber(int year, int seq) {
}
