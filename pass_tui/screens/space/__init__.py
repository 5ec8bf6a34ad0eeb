"""The candidate space: account screens, dashboard, fiche candidat, attachments."""
