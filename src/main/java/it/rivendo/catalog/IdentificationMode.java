package it.rivendo.catalog;

/** How the end customer proves who they are before the service is activated. */
public enum IdentificationMode {

	SPID, CIE, DIGITAL_SIGNATURE, VIDEO, IN_PERSON, NONE;

	/** Message key of the mode's name. */
	public String messageKey() {
		return "mode." + name();
	}

}
