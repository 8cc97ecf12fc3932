package it.rivendo.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Whom the e-mails of a reseller's account go to (issue 17), read once for a mail or a
 * list of them ({@link ResellerAccounts#recipients}). An e-mail about something a user of
 * the team did (an order, a service it bought, a top-up) goes to that user, with a copy
 * to every other active Titolare who keeps "Ricevi una copia" on (each Titolare chooses
 * for itself on Utenti; on by default). An e-mail nobody of the team caused (the shop
 * itself, the partner API, from before teams, or a user no longer active) goes to every
 * active Titolare, whatever the setting: it is theirs, not a copy.
 */
public final class TeamRecipients {

	private final List<Member> members;

	private final @Nullable MailRecipient fallback;

	/**
	 * @param members the team's active users, in the order they joined
	 * @param fallback the account's first login, when the team has no active Titolare
	 */
	TeamRecipients(List<Member> members, @Nullable MailRecipient fallback) {
		this.members = List.copyOf(members);
		this.fallback = fallback;
	}

	/** An active user of the team: a Titolare or not, and whether it wants copies. */
	record Member(MailRecipient recipient, boolean owner, boolean copies) {
	}

	/**
	 * Whom an e-mail about what this user did goes to: the user first, then the copies.
	 * @param actorUserId the user who acted, or null when nobody of the team did
	 */
	public List<MailRecipient> of(@Nullable Long actorUserId) {
		Member actor = actorUserId == null ? null
				: members.stream().filter(m -> m.recipient().userId() == actorUserId).findFirst().orElse(null);
		List<MailRecipient> recipients = new ArrayList<>();
		if (actor != null) {
			recipients.add(actor.recipient());
		}
		members.stream()
			.filter(Member::owner)
			.filter(owner -> owner != actor)
			.filter(owner -> actor == null || owner.copies())
			.forEach(owner -> recipients.add(owner.recipient()));
		if (recipients.isEmpty() && fallback != null) {
			recipients.add(fallback);
		}
		return recipients;
	}

	/** Every active Titolare: whom an e-mail for the account as a whole goes to. */
	public List<MailRecipient> owners() {
		return of(null);
	}

	/**
	 * A list split by recipient, for an e-mail listing several things (the services of a
	 * reminder): each recipient gets, in the list's order, those it would get an e-mail
	 * of one by one ({@link #of}). An Operatore gets its own; a Titolare with copies all
	 * of them, without copies its own and those nobody of the team caused.
	 */
	public <T> Map<MailRecipient, List<T>> split(List<T> items, Function<T, @Nullable Long> actorOf) {
		Map<MailRecipient, List<T>> split = new LinkedHashMap<>();
		for (T item : items) {
			for (MailRecipient recipient : of(actorOf.apply(item))) {
				split.computeIfAbsent(recipient, r -> new ArrayList<>()).add(item);
			}
		}
		return split;
	}

}
