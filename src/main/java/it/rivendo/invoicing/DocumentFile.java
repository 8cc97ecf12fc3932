package it.rivendo.invoicing;

/** A document's file, ready to download. */
public record DocumentFile(String filename, String contentType, byte[] content) {
}
