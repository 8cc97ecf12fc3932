package it.rivendo.services.web;

/** The reseller's reminder settings as the page sends them: one checkbox. */
public class ReminderSettingsForm {

	private boolean notifyEndCustomers;

	public boolean isNotifyEndCustomers() {
		return notifyEndCustomers;
	}

	public void setNotifyEndCustomers(boolean notifyEndCustomers) {
		this.notifyEndCustomers = notifyEndCustomers;
	}

}
