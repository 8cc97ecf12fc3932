package it.rivendo.services;

/**
 * The external provider that identifies an end customer (SPID, CIE, video call, in
 * person...). The shop hands the customer over with {@link #start} and learns the outcome
 * through {@link Activation#identificationCompleted}. A real provider plugs in as a bean
 * implementing this. The shop ships a simulated one, labelled as such, in the
 * {@code demo} profile only; without a provider, staff confirm each identification by
 * hand ({@link ServiceAdministration#confirmIdentification}).
 */
public interface IdentificationProvider {

	/** A short name, stored with each identification. */
	String name();

	/** Whether this is a simulation: the pages say so to the end customer. */
	boolean demo();

	/**
	 * Starts identifying the customer for the given reference.
	 * @return the address the end customer's browser goes to next
	 */
	String start(IdentificationRequest request);

	record IdentificationRequest(String reference, String productCode, it.rivendo.catalog.IdentificationMode mode,
			EndCustomer customer, String email) {
	}

}
