package it.rivendo.bulk;

import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.export.CsvSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The files around an upload: the sample to fill in (one example row per product family,
 * as the reseller can buy it today), its instructions as text, and the report of a
 * confirmed upload. All written with {@link CsvSheet}: what someone typed is defused
 * against formula injection there too.
 */
@Component
public class BulkFiles {

	private static final String[][] EXAMPLE_CUSTOMERS = {
			{ "", "Azienda", "Esempio S.r.l.", "", "", "01114601006", "", "Via Roma 1", "00186", "Roma", "RM", "IT",
					"M5UXCR1", "" },
			{ "mario.rossi@example.it", "Privato", "", "Mario", "Rossi", "", "RSSMRA85T10A562S", "Via Dante 5", "20121",
					"Milano", "MI", "IT", "", "" },
			{ "laura.bianchi@example.it", "Azienda", "Studio Bianchi", "", "", "00743110157", "", "Corso Italia 10",
					"10121", "Torino", "TO", "IT", "", "studio.bianchi@pec.example.it" } };

	private final Catalog catalog;

	private final MessageSource messages;

	BulkFiles(Catalog catalog, MessageSource messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	/** The sample file: the header and one example row per product family. */
	public void writeSample(long resellerId, OutputStream out) throws IOException {
		Map<String, PriceQuote> perFamily = new LinkedHashMap<>();
		for (PriceQuote quote : catalog.offerFor(resellerId, "", null)) {
			perFamily.putIfAbsent(quote.familyCode(), quote);
		}
		try (CsvSheet sheet = CsvSheet.open(out, headers())) {
			int i = 0;
			for (PriceQuote quote : perFamily.values()) {
				String[] customer = EXAMPLE_CUSTOMERS[i++ % EXAMPLE_CUSTOMERS.length];
				List<String> row = new ArrayList<>(List.of(quote.productCode(), quote.mode().name(), "1"));
				row.addAll(List.of(customer));
				sheet.row(row.stream().map(CsvSheet::text).toArray());
			}
		}
	}

	/** What each column holds, as plain text, for the instructions file. */
	public String instructions(Locale locale) {
		StringBuilder text = new StringBuilder();
		text.append(messages.getMessage("bulk.instructions.title", null, locale)).append("\r\n\r\n");
		text.append(messages.getMessage("bulk.instructions.intro", null, locale)).append("\r\n\r\n");
		for (BulkColumn column : BulkColumn.values()) {
			text.append(column.header())
				.append(column.required() ? " *" : "")
				.append(": ")
				.append(messages.getMessage(column.hintKey(), null, locale))
				.append("\r\n");
		}
		text.append("\r\n").append(messages.getMessage("bulk.instructions.required", null, locale)).append("\r\n");
		return text.toString();
	}

	/** The report of a confirmed upload: each row with its order, services and status. */
	public void writeReport(BulkPreview preview, Locale locale, OutputStream out) throws IOException {
		try (CsvSheet sheet = CsvSheet.open(out, text("bulk.report.row", locale), text("bulk.report.order", locale),
				text("bulk.report.services", locale), text("bulk.report.status", locale),
				BulkColumn.PRODUCT_CODE.header(), BulkColumn.MODE.header(), BulkColumn.QUANTITY.header(),
				BulkColumn.EMAIL.header())) {
			for (BulkPreview.Row row : preview.rows()) {
				BulkPreview.Result result = row.result();
				sheet.row(row.lineNo(), result == null ? "" : CsvSheet.text(result.orderNumber()),
						result == null ? ""
								: String.join(" ", result.serviceIds().stream().map(String::valueOf).toList()),
						text(result == null ? "bulk.report.notPaid"
								: result.associated() ? "bulk.report.associated" : "bulk.report.paid", locale),
						CsvSheet.text(row.cells().get(BulkColumn.PRODUCT_CODE)),
						CsvSheet.text(row.cells().get(BulkColumn.MODE)),
						CsvSheet.text(row.cells().get(BulkColumn.QUANTITY)),
						CsvSheet.text(row.cells().get(BulkColumn.EMAIL)));
			}
		}
	}

	private static String[] headers() {
		return java.util.Arrays.stream(BulkColumn.values()).map(BulkColumn::header).toArray(String[]::new);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
