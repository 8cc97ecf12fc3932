package it.rivendo.identity.web;

/** A Titolare's choice: a copy of the e-mails about what its team's users did. */
public class TeamCopiesForm {

	private boolean copies;

	public boolean isCopies() {
		return copies;
	}

	public void setCopies(boolean copies) {
		this.copies = copies;
	}

}
