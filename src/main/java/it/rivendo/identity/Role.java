package it.rivendo.identity;

public enum Role {

	RESELLER, STAFF;

	public String authority() {
		return "ROLE_" + name();
	}

}
