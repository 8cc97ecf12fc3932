package it.rivendo.shared;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of Italian fiscal and postal codes, as the Agenzia delle Entrate defines them.
 * Every method takes the raw user input and answers whether it is a valid code; none
 * throws.
 */
public final class ItalianCodes {

	private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{11}");

	private static final Pattern PERSON_TAX_CODE = Pattern
		.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

	private static final Pattern CAP = Pattern.compile("\\d{5}");

	private static final Pattern SDI_CODE = Pattern.compile("[A-Z0-9]{7}");

	private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z0-9]{6}");

	private static final Pattern CIG = Pattern.compile("[A-Z0-9]{10}");

	private static final Pattern CUP = Pattern.compile("[A-Z][A-Z0-9]{14}");

	private static final String OMOCODIA_LETTERS = "LMNPQRSTUV";

	/**
	 * Value of each character 0-9 then A-Z in an odd (1st, 3rd, ...) position of a codice
	 * fiscale.
	 */
	private static final int[] ODD_VALUES = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16,
			10, 22, 25, 24, 23 };

	private static final Set<String> PROVINCES = Set.of("AG", "AL", "AN", "AO", "AP", "AQ", "AR", "AT", "AV", "BA",
			"BG", "BI", "BL", "BN", "BO", "BR", "BS", "BT", "BZ", "CA", "CB", "CE", "CH", "CI", "CL", "CN", "CO", "CR",
			"CS", "CT", "CZ", "EN", "FC", "FE", "FG", "FI", "FM", "FR", "GE", "GO", "GR", "IM", "IS", "KR", "LC", "LE",
			"LI", "LO", "LT", "LU", "MB", "MC", "ME", "MI", "MN", "MO", "MS", "MT", "NA", "NO", "NU", "OG", "OR", "OT",
			"PA", "PC", "PD", "PE", "PG", "PI", "PN", "PO", "PR", "PT", "PU", "PV", "PZ", "RA", "RC", "RE", "RG", "RI",
			"RM", "RN", "RO", "SA", "SI", "SO", "SP", "SR", "SS", "SU", "SV", "TA", "TE", "TN", "TO", "TP", "TR", "TS",
			"TV", "UD", "VA", "VB", "VC", "VE", "VI", "VR", "VS", "VT", "VV");

	private ItalianCodes() {
	}

	/**
	 * Partita IVA: 11 digits, a valid tax office code in digits 8-10 and the Luhn-style
	 * check digit.
	 */
	public static boolean isPartitaIva(String value) {
		String code = normalize(value);
		if (!ELEVEN_DIGITS.matcher(code).matches() || !hasValidCheckDigit(code)) {
			return false;
		}
		int office = Integer.parseInt(code.substring(7, 10));
		return (office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888 || office == 999;
	}

	/**
	 * Codice fiscale: a person's 16-character code (omocodia allowed) or a company's
	 * 11-digit code.
	 */
	public static boolean isCodiceFiscale(String value) {
		String code = normalize(value);
		if (ELEVEN_DIGITS.matcher(code).matches()) {
			return hasValidCheckDigit(code);
		}
		return isPersonCodiceFiscale(code);
	}

	/** A person's 16-character codice fiscale. */
	public static boolean isPersonCodiceFiscale(String value) {
		String code = normalize(value);
		if (!PERSON_TAX_CODE.matcher(code).matches()) {
			return false;
		}
		int day = Integer.parseInt(deOmocode(code.substring(9, 11)));
		if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 15; i++) {
			int index = indexOf(code.charAt(i));
			sum += (i % 2 == 0) ? ODD_VALUES[index] : index;
		}
		return code.charAt(15) == (char) ('A' + sum % 26);
	}

	public static boolean isCap(String value) {
		return value != null && CAP.matcher(value.trim()).matches();
	}

	/**
	 * Codice destinatario SDI: 7 letters or digits ("0000000" when the invoice goes to a
	 * PEC address).
	 */
	public static boolean isCodiceDestinatario(String value) {
		return SDI_CODE.matcher(normalize(value)).matches();
	}

	/**
	 * Codice univoco ufficio of a public administration (IPA): 6 letters or digits.
	 */
	public static boolean isCodiceUfficio(String value) {
		return OFFICE_CODE.matcher(normalize(value)).matches();
	}

	/**
	 * The codice fiscale of a body (a public administration, a company): 11 digits with
	 * the check digit.
	 */
	public static boolean isBodyCodiceFiscale(String value) {
		String code = normalize(value);
		return ELEVEN_DIGITS.matcher(code).matches() && hasValidCheckDigit(code);
	}

	/** Codice identificativo di gara (ANAC): 10 letters or digits. */
	public static boolean isCig(String value) {
		return CIG.matcher(normalize(value)).matches();
	}

	/** Codice unico di progetto: 15 letters or digits, the first a letter. */
	public static boolean isCup(String value) {
		return CUP.matcher(normalize(value)).matches();
	}

	public static boolean isProvince(String value) {
		return PROVINCES.contains(normalize(value));
	}

	/** Upper-cases and strips spaces, the way the codes are written on paper. */
	public static String normalize(String value) {
		return value == null ? "" : value.replace(" ", "").trim().toUpperCase(Locale.ROOT);
	}

	private static boolean hasValidCheckDigit(String elevenDigits) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int digit = elevenDigits.charAt(i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (10 - sum % 10) % 10 == elevenDigits.charAt(10) - '0';
	}

	private static String deOmocode(String part) {
		StringBuilder digits = new StringBuilder();
		for (char c : part.toCharArray()) {
			int omocode = OMOCODIA_LETTERS.indexOf(c);
			digits.append(omocode >= 0 ? (char) ('0' + omocode) : c);
		}
		return digits.toString();
	}

	/**
	 * 0-9 for digits, 0-25 for letters: the even-position value, and the index into
	 * {@link #ODD_VALUES}.
	 */
	private static int indexOf(char c) {
		return Character.isDigit(c) ? c - '0' : c - 'A';
	}

}
