package it.rivendo.bulk;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A column of an order file, in the order of the sample file. Its header is matched
 * loosely: case, accents, spaces and punctuation do not count, and the Italian header,
 * the English one and the field's name are all understood ({@code Quantità},
 * {@code quantita}, {@code QUANTITY}).
 */
public enum BulkColumn {

	PRODUCT_CODE("productCode", "codice_prodotto", "product_code", true),
	MODE("mode", "modalita_identificazione", "identification_mode", true),
	QUANTITY("quantity", "quantita", "quantity", true),
	EMAIL("email", "email_cliente_finale", "end_customer_email", false),
	CUSTOMER_TYPE("customerType", "tipo_cliente", "customer_type", false),
	COMPANY_NAME("companyName", "ragione_sociale", "company_name", false),
	FIRST_NAME("firstName", "nome", "first_name", false), LAST_NAME("lastName", "cognome", "last_name", false),
	VAT_NUMBER("vatNumber", "partita_iva", "vat_number", false),
	TAX_CODE("taxCode", "codice_fiscale", "tax_code", false), STREET("street", "indirizzo", "address", false),
	POSTAL_CODE("postalCode", "cap", "postal_code", false), CITY("city", "comune", "city", false),
	PROVINCE("province", "provincia", "province", false), COUNTRY("country", "nazione", "country", false),
	SDI_CODE("sdiCode", "codice_sdi", "sdi_code", false), PEC("pec", "pec", "pec", false);

	private final String field;

	private final String header;

	private final String englishHeader;

	private final boolean required;

	BulkColumn(String field, String header, String englishHeader, boolean required) {
		this.field = field;
		this.header = header;
		this.englishHeader = englishHeader;
		this.required = required;
	}

	/** The name of the field a problem in this column is reported on. */
	public String field() {
		return field;
	}

	/** The header of the sample file. */
	public String header() {
		return header;
	}

	/** Whether a file without this column is refused. */
	public boolean required() {
		return required;
	}

	public String messageKey() {
		return "bulk.column." + field;
	}

	public String hintKey() {
		return "bulk.column." + field + ".hint";
	}

	/** The column a header names, if any. */
	public static Optional<BulkColumn> ofHeader(String text) {
		String wanted = loose(text);
		return Arrays.stream(values())
			.filter(column -> loose(column.header).equals(wanted) || loose(column.englishHeader).equals(wanted)
					|| loose(column.field).equals(wanted) || ("citta".equals(wanted) && column == CITY))
			.findFirst();
	}

	/** Lower case, no accents, letters and digits only. */
	public static String loose(String text) {
		String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
