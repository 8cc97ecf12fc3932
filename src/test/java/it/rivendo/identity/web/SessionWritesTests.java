package it.rivendo.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A page view within a minute of the access time a session holds leaves the session as it
 * is, so Spring Session has nothing to write for it.
 */
class SessionWritesTests {

	private final Sessions stored = new Sessions();

	private final SessionWrites.AccessTimeResolution<MapSession> sessions = new SessionWrites.AccessTimeResolution<>(
			this.stored, Duration.ofMinutes(1));

	@Test
	void anAccessWithinTheResolutionIsNotWrittenIntoTheSession() {
		MapSession kept = new MapSession("s1");
		Instant written = Instant.parse("2026-11-30T10:00:00Z");
		kept.setLastAccessedTime(written);
		this.stored.put(kept);

		Session session = this.sessions.findById("s1");
		session.setLastAccessedTime(written.plusSeconds(59));
		assertThat(session.getLastAccessedTime()).isEqualTo(written);
		this.sessions.save(session);
		// what the repository below is given is its own session, untouched
		assertThat(this.stored.saved).containsExactly(kept);
		assertThat(kept.getLastAccessedTime()).isEqualTo(written);

		session.setLastAccessedTime(written.plusSeconds(60));
		assertThat(kept.getLastAccessedTime()).isEqualTo(written.plusSeconds(60));
	}

	@Test
	void everythingElseReachesTheSessionAsBefore() {
		Session created = this.sessions.createSession();
		created.setAttribute("flash", "ok");
		created.setMaxInactiveInterval(Duration.ofMinutes(30));
		this.sessions.save(created);
		MapSession stored = this.stored.saved.get(0);
		assertThat(stored.<String>getAttribute("flash")).isEqualTo("ok");
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));

		this.stored.put(stored);
		Session found = this.sessions.findById(stored.getId());
		found.removeAttribute("flash");
		assertThat(stored.getAttributeNames()).isEmpty();
		assertThat(this.sessions.findById("unknown")).isNull();
		assertThat(this.sessions.findByIndexNameAndIndexValue("principal", "a@b.it")).isEmpty();
		this.sessions.deleteById(stored.getId());
		assertThat(this.sessions.findById(stored.getId())).isNull();
	}

	@Test
	void aSessionIsReadOnceInARequest() throws Exception {
		MapSession kept = new MapSession("s1");
		this.stored.put(kept);
		new SessionWrites.OneReadPerRequest().doFilter(new org.springframework.mock.web.MockHttpServletRequest(),
				new org.springframework.mock.web.MockHttpServletResponse(), (request, response) -> {
					Session first = this.sessions.findById("s1");
					// Spring Session's second look at the requested session, after its
					// commit
					assertThat(this.sessions.findById("s1")).isSameAs(first);
					assertThat(this.sessions.findById("unknown")).isNull();
					assertThat(this.sessions.findById("unknown")).isNull();
					assertThat(this.stored.reads).isEqualTo(2);
					// a session ended in the request is not found again
					this.sessions.deleteById("s1");
					assertThat(this.sessions.findById("s1")).isNull();
				});
		// outside a request (the clean-up job, another thread) every look reads
		this.stored.put(kept);
		int before = this.stored.reads;
		this.sessions.findById("s1");
		this.sessions.findById("s1");
		assertThat(this.stored.reads).isEqualTo(before + 2);
	}

	/** Sessions in memory, remembering what was saved and how many were read. */
	static final class Sessions implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> byId = new HashMap<>();

		final List<MapSession> saved = new ArrayList<>();

		int reads;

		void put(MapSession session) {
			this.byId.put(session.getId(), session);
		}

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			this.saved.add(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads++;
			return this.byId.get(id);
		}

		@Override
		public void deleteById(String id) {
			this.byId.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
