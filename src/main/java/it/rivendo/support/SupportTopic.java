package it.rivendo.support;

/** What a support request is about: a fixed list, so staff can sort requests. */
public enum SupportTopic {

	ORDER, ACTIVATION, CREDIT, INVOICE, OTHER;

	public String messageKey() {
		return "support.topic." + name();
	}

}
