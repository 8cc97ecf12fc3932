package it.rivendo.services;

/** An activation link that cannot be used: nothing was changed. */
public class ActivationLinkException extends RuntimeException {

	public enum Problem {
		/** Malformed, or no such link. */
		UNKNOWN,
		/** Past its date, or replaced by a newer link. */
		EXPIRED,
		/** Already used to start the activation. */
		USED
	}

	private final Problem problem;

	public ActivationLinkException(Problem problem) {
		super("Activation link not usable: " + problem);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
