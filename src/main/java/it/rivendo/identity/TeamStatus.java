package it.rivendo.identity;

/** Whether a user of a reseller's team may sign in (issue 17). */
public enum TeamStatus {

	/** Signs in and works. */
	ACTIVE,

	/** Switched off by the Titolare: signs in no more, can be switched on again. */
	DISABLED,

	/** Removed by the Titolare: gone from the team page, its name kept in the history. */
	REMOVED

}
