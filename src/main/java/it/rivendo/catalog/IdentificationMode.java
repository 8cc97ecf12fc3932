package it.rivendo.catalog;

/** How the end customer proves who they are before the service is activated. */
public enum IdentificationMode {
	SPID, CIE, FIRMA_DIGITALE, VIDEO, DE_VISU, NESSUNO;

	/** Message key of the mode's name. */
	public String messageKey() {
		return "mode." + name();
	}
}
