package it.rivendo.onboarding.internal;

import it.rivendo.onboarding.ApplicationStatus;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Application a where a.id = :id")
	Optional<Application> lockById(long id);

	/** Whether an application from this address (in lower case) waits for staff. */
	@Query("""
			select count(a) > 0 from Application a
			where lower(a.email) = :email and a.status = it.rivendo.onboarding.ApplicationStatus.PENDING""")
	boolean pendingFrom(String email);

	long countByStatus(ApplicationStatus status);

	List<Application> findTop100ByOrderByCreatedAtDesc();

	List<Application> findTop100ByStatusOrderByCreatedAtDesc(ApplicationStatus status);

}
