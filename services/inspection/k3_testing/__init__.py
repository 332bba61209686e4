"""Pengujian K3: each company's equipment register (boilers, pressure vessels, lifts, cranes,
electrical installations, fire protection), tests by licensed K3 testers with a certificate and
its expiry, and the equipment whose certificate lapses within 30 days or has lapsed."""
