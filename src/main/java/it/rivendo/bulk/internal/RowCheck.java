package it.rivendo.bulk.internal;

import it.rivendo.bulk.BulkColumn;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.export.CsvSheet;
import it.rivendo.shared.BillingData;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What is wrong in each cell of a row, as message keys by field: the product and mode
 * against the reseller's offer, the quantity, the e-mail, and the billing data by the
 * checkout's own rules ({@link BillingData.Rules}: Partita IVA check digit, codice
 * fiscale with omocodia, CAP and province, SDI code or PEC). A cell that a spreadsheet
 * would run as a formula is refused.
 */
@Component
public class RowCheck {

	public static final int MAX_QUANTITY = 99;

	private final Validator validator;

	RowCheck(Validator validator) {
		this.validator = validator;
	}

	public Map<String, String> problems(Map<BulkColumn, String> cells, Offer offer) {
		Map<String, String> problems = new LinkedHashMap<>();
		String code = cell(cells, BulkColumn.PRODUCT_CODE);
		Optional<IdentificationMode> mode = Optional.empty();
		if (code.isEmpty()) {
			problems.put(BulkColumn.PRODUCT_CODE.field(), "validation.required");
		}
		else if (!offer.sells(code)) {
			problems.put(BulkColumn.PRODUCT_CODE.field(), "bulk.product.unknown");
		}
		else {
			mode = modeOf(cell(cells, BulkColumn.MODE), offer.modesOf(code));
			if (mode.isEmpty()) {
				problems.put(BulkColumn.MODE.field(),
						cell(cells, BulkColumn.MODE).isEmpty() ? "bulk.mode.required"
								: parseMode(cell(cells, BulkColumn.MODE)).isEmpty() ? "bulk.mode.unknown"
										: "bulk.mode.notOffered");
			}
		}
		Optional<Integer> quantity = quantityOf(cell(cells, BulkColumn.QUANTITY));
		if (quantity.isEmpty()) {
			problems.put(BulkColumn.QUANTITY.field(), "bulk.quantity.invalid");
		}
		String type = customerTypeOf(cells);
		if (type == null) {
			problems.put(BulkColumn.CUSTOMER_TYPE.field(), "bulk.customerType.unknown");
		}
		RowData data = data(cells, type);
		for (ConstraintViolation<RowData> violation : validator.validate(data)) {
			String template = violation.getMessageTemplate();
			problems.putIfAbsent(violation.getPropertyPath().toString(), template.substring(1, template.length() - 1));
		}
		if (!data.getEmail().isEmpty() && quantity.isPresent() && quantity.get() != 1) {
			problems.putIfAbsent(BulkColumn.EMAIL.field(), "bulk.email.oneUnit");
		}
		cells.forEach((column, value) -> {
			if (CsvSheet.runsAsFormula(value)) {
				problems.put(column.field(), "bulk.cell.formula");
			}
		});
		return problems;
	}

	/**
	 * The billing data of a valid row, as {@link it.rivendo.ordering.BillingDetails#from}
	 * takes it.
	 */
	public static BillingData billing(Map<BulkColumn, String> cells) {
		return data(cells, customerTypeOf(cells));
	}

	/** The mode of a valid row: the one named, or the product's only one. */
	public static IdentificationMode mode(Map<BulkColumn, String> cells, Offer offer) {
		return modeOf(cell(cells, BulkColumn.MODE), offer.modesOf(cell(cells, BulkColumn.PRODUCT_CODE))).orElseThrow();
	}

	public static int quantity(Map<BulkColumn, String> cells) {
		return quantityOf(cell(cells, BulkColumn.QUANTITY)).orElseThrow();
	}

	private static Optional<IdentificationMode> modeOf(String typed, Map<IdentificationMode, PriceQuote> offered) {
		if (typed.isEmpty()) {
			return offered.size() == 1 ? Optional.of(offered.keySet().iterator().next()) : Optional.empty();
		}
		return parseMode(typed).filter(offered::containsKey);
	}

	/**
	 * A mode by its name ({@code DIGITAL_SIGNATURE}) or its Italian words ({@code Firma
	 * digitale}, {@code de visu}).
	 */
	static Optional<IdentificationMode> parseMode(String typed) {
		String loose = BulkColumn.loose(typed);
		Optional<IdentificationMode> byName = Arrays.stream(IdentificationMode.values())
			.filter(mode -> BulkColumn.loose(mode.name()).equals(loose))
			.findFirst();
		if (byName.isPresent()) {
			return byName;
		}
		return Optional.ofNullable(switch (loose) {
			case "firmadigitale", "firma" -> IdentificationMode.DIGITAL_SIGNATURE;
			case "videoriconoscimento", "videoidentificazione" -> IdentificationMode.VIDEO;
			case "dipersona", "devisu", "dipersonadevisu", "persona" -> IdentificationMode.IN_PERSON;
			case "nessuno", "nessuna", "nessunriconoscimento" -> IdentificationMode.NONE;
			case "cartadidentitaelettronica", "cartaidentitaelettronica" -> IdentificationMode.CIE;
			default -> null;
		});
	}

	private static Optional<Integer> quantityOf(String typed) {
		if (!typed.matches("\\d{1,2}")) {
			return Optional.empty();
		}
		int quantity = Integer.parseInt(typed);
		return quantity >= 1 && quantity <= MAX_QUANTITY ? Optional.of(quantity) : Optional.empty();
	}

	/**
	 * COMPANY or PERSON as typed ({@code Azienda}, {@code Privato}...), or guessed from
	 * what is filled in when blank; null when it is neither.
	 */
	private static String customerTypeOf(Map<BulkColumn, String> cells) {
		String typed = BulkColumn.loose(cell(cells, BulkColumn.CUSTOMER_TYPE));
		return switch (typed) {
			case "" -> cell(cells, BulkColumn.COMPANY_NAME).isEmpty() && cell(cells, BulkColumn.VAT_NUMBER).isEmpty()
					? BillingData.PERSON : BillingData.COMPANY;
			case "azienda", "company", "societa", "impresa", "professionista", "aziendaoprofessionista", "a" ->
				BillingData.COMPANY;
			case "privato", "person", "persona", "personafisica", "p" -> BillingData.PERSON;
			default -> null;
		};
	}

	private static RowData data(Map<BulkColumn, String> cells, String type) {
		RowData data = new RowData();
		data.setCustomerType(type == null ? BillingData.COMPANY : type);
		data.setCompanyName(cell(cells, BulkColumn.COMPANY_NAME));
		data.setFirstName(cell(cells, BulkColumn.FIRST_NAME));
		data.setLastName(cell(cells, BulkColumn.LAST_NAME));
		data.setVatNumber(cell(cells, BulkColumn.VAT_NUMBER));
		data.setTaxCode(cell(cells, BulkColumn.TAX_CODE));
		data.setStreet(cell(cells, BulkColumn.STREET));
		data.setPostalCode(cell(cells, BulkColumn.POSTAL_CODE));
		data.setCity(cell(cells, BulkColumn.CITY));
		data.setProvince(cell(cells, BulkColumn.PROVINCE));
		String country = cell(cells, BulkColumn.COUNTRY);
		data.setCountry(country.isEmpty() ? "IT" : country);
		data.setSdiCode(cell(cells, BulkColumn.SDI_CODE));
		data.setPec(cell(cells, BulkColumn.PEC));
		data.setEmail(cell(cells, BulkColumn.EMAIL));
		return data;
	}

	private static String cell(Map<BulkColumn, String> cells, BulkColumn column) {
		String value = cells.get(column);
		return value == null ? "" : value.strip();
	}

}
