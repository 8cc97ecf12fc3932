package it.rivendo.identity.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByEmailIgnoreCase(String email);

	Optional<UserAccount> findFirstByResellerIdOrderById(long resellerId);

	java.util.List<UserAccount> findByResellerId(long resellerId);

	boolean existsByRole(it.rivendo.identity.Role role);

}
