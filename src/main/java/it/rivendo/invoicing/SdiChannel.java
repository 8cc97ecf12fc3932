package it.rivendo.invoicing;

import java.util.List;

/**
 * The way to the Sistema di Interscambio: an accredited intermediary (a bean implementing
 * this) takes the FatturaPA files and hands back the SdI's receipts. Without such a bean
 * the shop sends nothing: staff download the files, as before. In the {@code demo}
 * profile a simulation answers (see {@code DemoSdiChannel}).
 */
public interface SdiChannel {

	/**
	 * Hands a file over.
	 * @return the SdI's identifier of the file
	 * @throws SdiChannelException when it cannot be handed over now (tried again later)
	 */
	String send(String fileName, byte[] xml);

	/**
	 * The receipts received and not yet acknowledged, oldest first. The same receipt
	 * comes again until it is acknowledged.
	 */
	List<SdiReceipt> receipts();

	/** The receipt was processed: not to be returned again. */
	void acknowledge(String receiptId);

	/** A simulation, to be said so on screen. */
	default boolean simulated() {
		return false;
	}

}
