package it.rivendo.services.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * Staff confirm an end customer's identification: the declaration, and the trust
 * provider's reference if any.
 */
public class IdentityConfirmForm {

	@AssertTrue(message = "{admin.identity.confirm.required}")
	private boolean identified;

	@Size(max = 100, message = "{admin.identity.reference.tooLong}")
	private String providerReference;

	public boolean isIdentified() {
		return identified;
	}

	public void setIdentified(boolean identified) {
		this.identified = identified;
	}

	public String getProviderReference() {
		return providerReference;
	}

	public void setProviderReference(String providerReference) {
		this.providerReference = providerReference;
	}

}
