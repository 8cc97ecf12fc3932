package it.rivendo.identity.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ResellerRepository extends JpaRepository<Reseller, Long> {

}
