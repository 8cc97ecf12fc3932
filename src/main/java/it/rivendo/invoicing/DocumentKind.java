package it.rivendo.invoicing;

/**
 * The kinds of document the shop issues, each numbered on its own gap-free sequence per
 * year.
 */
public enum DocumentKind {

	/** Invoice of a paid order, FatturaPA TD01, numbered {@code 2026/000123}. */
	INVOICE("", "TD01", 'F'),
	/**
	 * Credit note of a cancelled order, FatturaPA TD04, numbered {@code NC-2026/000001}.
	 */
	CREDIT_NOTE("NC-", "TD04", 'N'),
	/**
	 * Receipt of a top-up of the prepaid credit (not a VAT document, no XML), numbered
	 * {@code RC-2026/000001}.
	 */
	RECEIPT("RC-", null, 'R');

	private final String prefix;

	private final String tipoDocumento;

	private final char letter;

	DocumentKind(String prefix, String tipoDocumento, char letter) {
		this.prefix = prefix;
		this.tipoDocumento = tipoDocumento;
		this.letter = letter;
	}

	public String format(int year, int seq) {
		return "%s%d/%06d".formatted(prefix, year, seq);
	}

	/**
	 * The FatturaPA TipoDocumento, or null for documents that are not sent to the SdI.
	 */
	public String tipoDocumento() {
		return tipoDocumento;
	}

	public boolean hasXml() {
		return tipoDocumento != null;
	}

	/** One letter for transmission ids and file names. */
	public char letter() {
		return letter;
	}

	public String messageKey() {
		return "invoicing.kind." + name();
	}

}
