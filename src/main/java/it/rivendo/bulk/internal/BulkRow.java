package it.rivendo.bulk.internal;

import it.rivendo.bulk.BulkColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of an uploaded file: its cells as typed and what is wrong with them. */
@Embeddable
public class BulkRow {

	private int lineNo;

	private String productCode;

	private String mode;

	private String quantity;

	private String email;

	private String customerType;

	private String companyName;

	private String firstName;

	private String lastName;

	private String vatNumber;

	private String taxCode;

	private String street;

	private String postalCode;

	private String city;

	private String province;

	private String country;

	private String sdiCode;

	private String pec;

	@Column(name = "problems")
	@Convert(converter = ProblemsConverter.class)
	private Map<String, String> problems = new LinkedHashMap<>();

	protected BulkRow() {
	}

	public BulkRow(int lineNo, Map<BulkColumn, String> cells, Map<String, String> problems) {
		this.lineNo = lineNo;
		this.productCode = cells.get(BulkColumn.PRODUCT_CODE);
		this.mode = cells.get(BulkColumn.MODE);
		this.quantity = cells.get(BulkColumn.QUANTITY);
		this.email = cells.get(BulkColumn.EMAIL);
		this.customerType = cells.get(BulkColumn.CUSTOMER_TYPE);
		this.companyName = cells.get(BulkColumn.COMPANY_NAME);
		this.firstName = cells.get(BulkColumn.FIRST_NAME);
		this.lastName = cells.get(BulkColumn.LAST_NAME);
		this.vatNumber = cells.get(BulkColumn.VAT_NUMBER);
		this.taxCode = cells.get(BulkColumn.TAX_CODE);
		this.street = cells.get(BulkColumn.STREET);
		this.postalCode = cells.get(BulkColumn.POSTAL_CODE);
		this.city = cells.get(BulkColumn.CITY);
		this.province = cells.get(BulkColumn.PROVINCE);
		this.country = cells.get(BulkColumn.COUNTRY);
		this.sdiCode = cells.get(BulkColumn.SDI_CODE);
		this.pec = cells.get(BulkColumn.PEC);
		this.problems = new LinkedHashMap<>(problems);
	}

	public int lineNo() {
		return lineNo;
	}

	/** The cells by column, blank for a column the file did not have. */
	public Map<BulkColumn, String> cells() {
		Map<BulkColumn, String> cells = new EnumMap<>(BulkColumn.class);
		String[] values = { productCode, mode, quantity, email, customerType, companyName, firstName, lastName,
				vatNumber, taxCode, street, postalCode, city, province, country, sdiCode, pec };
		for (BulkColumn column : BulkColumn.values()) {
			String value = values[column.ordinal()];
			cells.put(column, value == null ? "" : value);
		}
		return cells;
	}

	/** Message keys by field name, in the order of the columns. */
	public Map<String, String> problems() {
		return Map.copyOf(problems);
	}

	public boolean valid() {
		return problems.isEmpty();
	}

}
