package it.rivendo.catalog.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ResellerTierRepository extends JpaRepository<ResellerTier, Long> {

}
