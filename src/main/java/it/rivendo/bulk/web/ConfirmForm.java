package it.rivendo.bulk.web;

/**
 * The preview's confirmation: the preview's token (confirming twice makes one set of
 * orders) and the total the reseller saw.
 */
public class ConfirmForm {

	private String token;

	private String expectedTotal;

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getExpectedTotal() {
		return expectedTotal;
	}

	public void setExpectedTotal(String expectedTotal) {
		this.expectedTotal = expectedTotal;
	}

}
