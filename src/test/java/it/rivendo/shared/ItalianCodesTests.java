package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Test vectors from the reference: real valid codes and their near misses. */
class ItalianCodesTests {

	@ParameterizedTest(name = "Partita IVA {0} valid: {1}")
	@CsvSource({ "00743110157, true", "01114601006, true", "09876540015, true", "00743110158, false",
			"12345678903, false", // check digit right, office code 890 does not exist
			"0074311015, false", "007431101571, false", "0074311015A, false", "'', false", "' 00743110157 ', true" })
	void partitaIva(String code, boolean valid) {
		assertThat(ItalianCodes.isPartitaIva(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "codice fiscale {0} valid: {1}")
	@CsvSource({ "RSSMRA85T10A562S, true", "BNCLRA70A41H501B, true", "RSSMRA85T10A56NH, true", // omocodia
			"rssmra85t10a562s, true", "RSSMRA85T10A562T, false", // wrong check letter
			"RSSMRA85Z10A562S, false", // no month Z
			"RSSMRA85T99A562S, false", // no day 99
			"RSSMRA85T10A562, false", "00743110157, true", // a company's 11-digit code
			"00743110158, false", "'', false" })
	void codiceFiscale(String code, boolean valid) {
		assertThat(ItalianCodes.isCodiceFiscale(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "person codice fiscale {0} valid: {1}")
	@CsvSource({ "RSSMRA85T10A562S, true", "00743110157, false" })
	void personCodiceFiscale(String code, boolean valid) {
		assertThat(ItalianCodes.isPersonCodiceFiscale(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "CAP {0} valid: {1}")
	@CsvSource({ "20121, true", "00186, true", "2012, false", "201211, false", "2012A, false", "'', false" })
	void cap(String code, boolean valid) {
		assertThat(ItalianCodes.isCap(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "SDI code {0} valid: {1}")
	@CsvSource({ "M5UXCR1, true", "0000000, true", "XXXXXXX, true", "m5uxcr1, true", "UFXXXX, false", "M5UXCR12, false",
			"M5UX-R1, false" })
	void codiceDestinatario(String code, boolean valid) {
		assertThat(ItalianCodes.isCodiceDestinatario(code)).isEqualTo(valid);
	}

	@ParameterizedTest(name = "province {0} valid: {1}")
	@CsvSource({ "MI, true", "rm, true", "TO, true", "XX, false", "MIL, false", "'', false" })
	void province(String code, boolean valid) {
		assertThat(ItalianCodes.isProvince(code)).isEqualTo(valid);
	}

}
