"""The terms of use (conditions générales d'utilisation) shown in full on the fiche candidat.

The text is long and legal, so it is kept here whole in both languages rather than as
catalogue entries: :func:`terms_of_use` gives it in the interface language, and so does
the module attribute ``TERMS_OF_USE`` (read at each access).
"""

from __future__ import annotations

from pass_tui.i18n import get_language

__all__ = ["TERMS_EN", "TERMS_FR", "terms_of_use"]  # and TERMS_OF_USE (module __getattr__)

TERMS_FR = """\
Conditions générales d'utilisation de l'espace candidat PASS

1. Objet
PASS, la Place de l'apprentissage et des stages, est le service public qui publie les
offres d'apprentissage et de stage des trois fonctions publiques (État, territoriale,
hospitalière). L'espace candidat vous permet de tenir une fiche candidat, de déposer vos
CV, lettres de motivation et autres documents, puis de candidater aux offres. Son usage
est gratuit et facultatif : les offres restent consultables sans compte.

2. Votre compte
Vous vous identifiez par votre adresse e-mail et un mot de passe que vous seul
connaissez. Votre adresse est confirmée par un code qui vous est envoyé. Gardez votre mot
de passe secret ; sur une borne publique, déconnectez-vous en partant (la borne vous
déconnecte aussi après un temps d'inactivité). Vous vous engagez à donner des
informations exactes et à ne déposer que des documents qui vous concernent.

3. Les données conservées
Nous conservons : votre adresse e-mail, l'empreinte de votre mot de passe (jamais le mot
de passe lui-même), votre fiche (civilité, nom, prénom, téléphone et adresse postale si
vous les donnez, domaine, métiers, zones géographiques et type de contrat recherchés), vos
documents, et les candidatures que vous envoyez. Ces données servent uniquement à
faire fonctionner votre espace et à transmettre vos candidatures aux employeurs publics
que vous choisissez. Elles ne sont ni vendues ni utilisées à des fins publicitaires.

4. Durée de conservation
Votre compte et ses données sont supprimés deux ans après votre dernière connexion ou
votre dernière candidature. Vous pouvez aussi le supprimer vous-même à tout moment.

5. Vos droits (RGPD)
Le traitement repose sur l'exécution d'une mission de service public (article 6-1-e du
règlement général sur la protection des données). Vous disposez d'un droit d'accès, de
rectification, d'effacement, de limitation et d'opposition, ainsi que d'un droit à la
portabilité de vos données : depuis votre espace candidat (modifier votre fiche,
télécharger ou supprimer vos données), ou en écrivant au délégué à la protection des
données. Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une
réclamation à la CNIL (www.cnil.fr).

6. Sécurité
Les mots de passe sont conservés sous forme d'empreinte, les codes envoyés par e-mail ne
servent qu'une fois et expirent après 15 minutes, et les documents ne sont accessibles
qu'à vous et aux employeurs auxquels vous candidatez.

7. Contact
Responsable du traitement : la direction générale de l'administration et de la fonction
publique (DGAFP), 139 rue de Bercy, 75012 Paris. Délégué à la protection des données :
par courrier à la même adresse, à l'attention du délégué à la protection des données.

En cochant « J'accepte les conditions générales d'utilisation », vous déclarez avoir lu
ces conditions et les accepter.
"""

TERMS_EN = """\
Terms of use of the PASS candidate space

1. Purpose
PASS, the Place de l'apprentissage et des stages, is the public service that publishes
the apprenticeship and internship offers of the three French civil services (State,
local authorities, hospitals). The candidate space lets you keep a candidate profile,
upload your CVs, cover letters and other documents, and apply to offers. It is free and
optional: offers can be read without an account.

2. Your account
You identify yourself with your e-mail address and a password only you know. Your
address is confirmed by a code sent to it. Keep your password secret; on a public kiosk,
log out when you leave (the kiosk also logs you out after a period of inactivity). You
agree to give accurate information and to upload only documents about yourself.

3. Data kept
We keep: your e-mail address, a fingerprint of your password (never the password
itself), your profile (title, last name, first name, phone and postal address if you
give them, field, jobs, areas and type of contract sought), your documents, and the
applications you send. This data is used only to run your space and to send your
applications to the public employers you choose. It is neither sold nor used for
advertising.

4. How long it is kept
Your account and its data are deleted two years after your last login or your last
application. You can also delete it yourself at any time.

5. Your rights (GDPR)
The processing is based on the performance of a task carried out in the public interest
(article 6(1)(e) of the General Data Protection Regulation). You have the right of
access, rectification, erasure, restriction and objection, and the right to data
portability: from your candidate space (edit your profile, download or delete your
data), or by writing to the data protection officer. If you consider that your rights
are not respected, you may lodge a complaint with the CNIL (www.cnil.fr).

6. Security
Passwords are kept as fingerprints, codes sent by e-mail can be used once and expire
after 15 minutes, and your documents can be read only by you and by the employers you
apply to.

7. Contact
Data controller: the direction générale de l'administration et de la fonction publique
(DGAFP), 139 rue de Bercy, 75012 Paris, France. Data protection officer: by post at the
same address, for the attention of the data protection officer.

By ticking "I accept the terms of use", you declare that you have read these terms and
accept them.
"""


def terms_of_use() -> str:
    """The terms of use in full, in the interface language."""
    return TERMS_EN if get_language() == "en" else TERMS_FR


def __getattr__(name: str) -> str:
    if name == "TERMS_OF_USE":
        return terms_of_use()
    raise AttributeError(name)
