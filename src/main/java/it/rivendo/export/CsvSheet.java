package it.rivendo.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file for a spreadsheet set to Italian, written row by row straight to the
 * response. Quoting and escaping of quotes, separators and line breaks is done by Apache
 * Commons CSV. The choices:
 * <ul>
 * <li>UTF-8 with a byte order mark, so Excel reads accented letters right;</li>
 * <li>{@code ;} between fields (Excel's list separator in Italy), CRLF between rows, a
 * header row;</li>
 * <li>amounts as plain numbers with a dot and two decimals (e.g. {@code -47.58}), no
 * currency sign;</li>
 * <li>times as {@code yyyy-MM-dd HH:mm:ss} in Italy's time zone;</li>
 * <li>a text that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so a spreadsheet shows it instead of running it as a formula (amounts,
 * which we write ourselves, are left alone).</li>
 * </ul>
 */
public final class CsvSheet implements AutoCloseable {

	public static final char SEPARATOR = ';';

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Formats.SHOP_ZONE);

	private static final CSVFormat FORMAT = CSVFormat.Builder.create()
		.setDelimiter(SEPARATOR)
		.setQuote('"')
		.setQuoteMode(QuoteMode.MINIMAL)
		.setRecordSeparator("\r\n")
		.get();

	private final CSVPrinter printer;

	private long rows;

	private CsvSheet(Writer writer) throws IOException {
		this.printer = new CSVPrinter(writer, FORMAT);
	}

	/** Starts a sheet on the stream: the byte order mark, then the header row. */
	public static CsvSheet open(OutputStream out, String... header) throws IOException {
		out.write(BOM);
		CsvSheet sheet = new CsvSheet(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		sheet.printer.printRecord((Object[]) header);
		return sheet;
	}

	/**
	 * A row of values, each already made safe with {@link #text}, {@link #amount},
	 * {@link #time}.
	 */
	public void row(@Nullable Object... values) {
		try {
			printer.printRecord(values);
			rows++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long rows() {
		return rows;
	}

	/** Text as typed by someone, defused against formula injection. */
	public static String text(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return runsAsFormula(value) ? "'" + value : value;
	}

	/**
	 * Whether a spreadsheet would run the text as a formula ({@code =HYPERLINK(...)}): it
	 * starts with {@code = + - @}, a tab or a carriage return.
	 */
	public static boolean runsAsFormula(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	public static String amount(@Nullable Money money) {
		return money == null ? "" : money.amount().toPlainString();
	}

	public static String time(@Nullable Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	@Override
	public void close() throws IOException {
		printer.close(true);
	}

}
