package it.rivendo.services;

import it.rivendo.shared.Refusal;

/**
 * An activation link that cannot be used: nothing was changed. A refusal that says which
 * problem, because the page answers an unknown link (404) otherwise than a used or
 * expired one (410).
 */
public class ActivationLinkException extends Refusal {

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
		super("activation.link." + problem.name());
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}

}
