package it.rivendo.bulk.internal;

import it.rivendo.bulk.BulkColumn;
import it.rivendo.shared.Refusal;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an order file as spreadsheets save it (Excel and LibreOffice set to Italian, or
 * not): UTF-8 with or without a byte order mark, UTF-16 with one, otherwise Windows-1252
 * (what does not decode as UTF-8 is read as Windows-1252); {@code ;}, {@code ,} or a tab
 * between fields, whichever the header line uses; quoted fields; CRLF or LF. The first
 * row names the columns ({@link BulkColumn#ofHeader}); blank rows are skipped. What is
 * not such a file is refused with a message that says why: {@link #MAX_BYTES},
 * {@link #MAX_ROWS}, {@link #MAX_CELL} characters a cell.
 */
public final class OrderFile {

	public static final int MAX_BYTES = 1_000_000;

	public static final int MAX_ROWS = 1_000;

	public static final int MAX_CELL = 1_000;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * A data row: its number in the file (the header is row 1, as a spreadsheet counts)
	 * and its cells by column, stripped; a column the file lacks is blank.
	 */
	public record Line(int number, Map<BulkColumn, String> cells) {

		public String cell(BulkColumn column) {
			return cells.getOrDefault(column, "");
		}

	}

	private OrderFile() {
	}

	/**
	 * @throws Refusal when the file is empty, too big, not text, has unknown or missing
	 * columns, too many rows, or a cell too long
	 */
	public static List<Line> read(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw new Refusal("bulk.file.tooBig", MAX_BYTES / 1_000_000);
		}
		String text = decode(content);
		if (text.isBlank()) {
			throw new Refusal("bulk.file.empty");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < ' ' && c != '\t' && c != '\r' && c != '\n') {
				throw new Refusal("bulk.file.binary");
			}
		}
		CSVFormat format = CSVFormat.Builder.create()
			.setDelimiter(separatorOf(text))
			.setQuote('"')
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			Map<Integer, BulkColumn> columns = null;
			List<Line> lines = new ArrayList<>();
			for (CSVRecord record : parser) {
				int number = (int) record.getRecordNumber();
				for (String value : record) {
					if (value.length() > MAX_CELL) {
						throw new Refusal("bulk.file.cellTooLong", number, MAX_CELL);
					}
				}
				if (columns == null) {
					columns = columns(record);
					continue;
				}
				Map<BulkColumn, String> cells = new EnumMap<>(BulkColumn.class);
				boolean blank = true;
				for (int i = 0; i < record.size(); i++) {
					String value = record.get(i).strip();
					BulkColumn column = columns.get(i);
					if (column == null) {
						if (!value.isEmpty()) {
							throw new Refusal("bulk.file.extraCells", number);
						}
						continue;
					}
					cells.put(column, value);
					blank &= value.isEmpty();
				}
				if (blank) {
					continue;
				}
				if (lines.size() == MAX_ROWS) {
					throw new Refusal("bulk.file.tooManyRows", MAX_ROWS);
				}
				lines.add(new Line(number, cells));
			}
			if (lines.isEmpty()) {
				throw new Refusal("bulk.file.noRows");
			}
			return lines;
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			// an unbalanced quote, for one
			throw new Refusal("bulk.file.malformed");
		}
	}

	/**
	 * Which column each position of the header names; refuses unknown and missing ones.
	 */
	private static Map<Integer, BulkColumn> columns(CSVRecord header) {
		Map<Integer, BulkColumn> columns = new LinkedHashMap<>();
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip();
			if (name.isEmpty()) {
				continue;
			}
			BulkColumn column = BulkColumn.ofHeader(name).orElse(null);
			if (column == null) {
				unknown.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
			}
			else if (columns.containsValue(column)) {
				throw new Refusal("bulk.file.duplicateColumn", name);
			}
			else {
				columns.put(i, column);
			}
		}
		if (!unknown.isEmpty()) {
			throw new Refusal("bulk.file.unknownColumns", String.join(", ", unknown));
		}
		List<String> missing = new ArrayList<>();
		for (BulkColumn column : BulkColumn.values()) {
			if (column.required() && !columns.containsValue(column)) {
				missing.add(column.header());
			}
		}
		if (!missing.isEmpty()) {
			throw new Refusal("bulk.file.missingColumns", String.join(", ", missing));
		}
		return columns;
	}

	static String decode(byte[] content) {
		if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
			return strictly(StandardCharsets.UTF_8, content, 3).orElseThrow(() -> new Refusal("bulk.file.binary"));
		}
		if (startsWith(content, 0xFF, 0xFE)) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(content, 0xFE, 0xFF)) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
		}
		if (startsWith(content, 'P', 'K', 3, 4) || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new Refusal("bulk.file.spreadsheet");
		}
		return strictly(StandardCharsets.UTF_8, content, 0).orElseGet(() -> new String(content, WINDOWS_1252));
	}

	private static java.util.Optional<String> strictly(Charset charset, byte[] content, int offset) {
		try {
			return java.util.Optional.of(charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString());
		}
		catch (CharacterCodingException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * The separator the header line uses most, outside quotes: {@code ;} (Excel in
	 * Italy), {@code ,} or a tab.
	 */
	static char separatorOf(String text) {
		int semicolons = 0;
		int commas = 0;
		int tabs = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				semicolons += c == ';' ? 1 : 0;
				commas += c == ',' ? 1 : 0;
				tabs += c == '\t' ? 1 : 0;
			}
		}
		if (tabs > semicolons && tabs > commas) {
			return '\t';
		}
		return semicolons >= commas && semicolons > 0 ? ';' : ',';
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
