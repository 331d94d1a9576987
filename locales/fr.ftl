# Français. Les types d'enregistrement, le TTL et « Proxied » restent tels que les écrivent les tableaux de bord DNS.

## The page

skip = Aller au contenu
loading-request = Chargement de la demande…
not-found = Introuvable
not-found-body = Aucune page ici : cette adresse n'est pas une URL d'application Domain Connect.
home = Accueil
punycode = punycode
nothing-changed = Rien n'a été modifié.
diagnostic = Diagnostic pour l'assistance
config-problem = La configuration ne peut pas être utilisée
config-problem-body = Rien ne sera lu ni écrit chez un fournisseur DNS tant qu'elle n'est pas corrigée.

## When the request cannot be shown

problem-link-invalid = Ce lien n'est pas une demande Domain Connect valide
problem-not-supported = Ce fournisseur DNS ne prend pas encore en charge { $service } de { $provider }
problem-template-unreadable = Le modèle du service ne peut pas être lu
problem-zone-unreadable = Les enregistrements de votre domaine ne peuvent pas être lus
problem-config-unusable = La configuration du fournisseur DNS ne peut pas être utilisée
advice-start-again = Revenez au service qui vous a envoyé ici et recommencez la configuration. Si cela se reproduit, envoyez le diagnostic ci-dessous à son assistance.
advice-try-later = Réessayez dans un instant. Si l'échec persiste, envoyez le diagnostic ci-dessous à l'assistance de votre fournisseur DNS.
advice-not-supported = Demandez au service un autre moyen de connecter votre domaine, ou ajoutez vous-même les enregistrements nécessaires dans le tableau de bord de votre fournisseur DNS.

## Signing in to the records API

credential-title = Connectez-vous à votre fournisseur DNS
credential-intro = Cette page a besoin d'accéder aux enregistrements de votre domaine. Si le tableau de bord de votre fournisseur DNS l'a ouverte, il lui transmet cet accès ; sinon, saisissez votre jeton d'API.
credential-refused = Votre fournisseur DNS a refusé l'accès donné à cette page : il a peut-être expiré. Rien n'a été lu ni modifié ; la page attend un nouvel accès.
credential-token = Jeton d'API
credential-keep = Le garder pour cet onglet
continue = Continuer
credential-why = Le jeton reste dans cette page (ou dans cet onglet, si vous le demandez) : il n'est jamais placé dans une adresse, un journal ou un téléchargement.

## Who asks for what

lead = { $provider } demande à configurer { $service } sur { $domain }
lead-host = { $provider } demande à configurer { $service } sur { $domain } pour l'hôte { $host }
note-template-names = Modèle : { $provider } / { $service } ({ $ids })
note-service-labels = { $labels } : un nom qui commence par un tiret bas contient les réglages d'un service (authentification des e-mails, certificats), pas un site web.
note-groups = Seules ces parties du modèle sont appliquées (groupId) : { $groups }.
key-in-config = Le fichier config.json de cette page contient la clé de l'API des enregistrements : toute personne pouvant ouvrir cette page peut la lire. C'est réservé aux tests sur cette machine ; transmettez plutôt la clé depuis votre tableau de bord.
already-set-up = { $service } est déjà configuré sur { $domain } : rien ne changerait.

## The signature and the refusals

sig-valid = Signé par { $provider } : la signature est valide (clé { $key }).
sig-invalid = La signature n'est pas valide : { $reason }.
sig-required = Une signature est requise : { $reason }.
sig-not-used = Ce modèle n'utilise pas de signature.
phishing = Vérifiez cette demande : ses valeurs ont été choisies par l'auteur du lien et ne sont garanties par aucune signature vérifiée. Ne l'appliquez que si vous avez vous-même lancé cette configuration chez { $service }.
cannot-apply = Cette demande ne peut pas être appliquée :
refusal-signature = sa signature n'est pas valable (voir ci-dessus)
refusal-sync-block = le modèle ne peut pas être appliqué depuis un lien (syncBlock)
refusal-host-required = le modèle doit être appliqué à un hôte, et le lien n'en donne aucun (hostRequired)
refusal-key-unavailable = la clé de { $host } n'a pas pu être lue : { $reason }
refusal-template-mismatch = le lien désigne le modèle { $asked }, mais le modèle examiné est { $reviewed }
refusal-control-character = le paramètre { $parameter } contient le caractère de contrôle { $character } à la position { $position }
refusal-redirect = l'adresse de retour { $uri } ne peut pas être utilisée : { $reason }
refusal-apply = le modèle ne peut pas être appliqué : { $error }

## How this was checked

how-checked = Comment cela a été vérifié
signed-bytes = Octets signés :
searching-signed = Recherche de ce qui a été signé…
search-no-answer = La recherche n'a donné aucune réponse.
search-failed = Ce qui a été signé ne peut pas être recherché ici : { $error }.
what-verifies = Ce qui est valide :
sources = Modèle provenant de { $template } ; zone provenant de { $zone }.
return-none = Pas de redirect_uri : la fenêtre se ferme une fois terminé.
return-allowed = Retour vers { $uri } ({ $because }).
return-refused = Pas de retour vers { $uri } : { $reason }.
unused-parameters = Paramètres que le modèle n'utilise pas : { $list }
missing-variables = Variables que le lien ne fournit pas : { $list }
ignored = Ignoré : { $what }

## The records

changes-summary = { $add } à ajouter, { $remove } à supprimer, { $present } déjà présents, { $others } autres enregistrements inchangés
changes-caption = Enregistrements modifiés par ce modèle
col-change = Modification
col-type = Type
col-name = Nom
col-data = Données
col-ttl = TTL
col-why = Motif
col-proxy = Proxy
label-added = ajouté
label-removed = supprimé
label-kept = conservé
data-priority = priorité { $priority }
data-weight-port = poids { $weight } port { $port }
why-rewritten = déjà présent : réécrit à l'identique
why-spf-merged = règles SPF fusionnées dans l'enregistrement SPF existant
why-kept = déjà présent, comme le demande le modèle
by-new-record = le nouvel enregistrement { $type } sur { $name }
why-cname = conflit CNAME : un CNAME ne peut pas coexister avec d'autres enregistrements sur un même nom ({ $by })
why-same-type = remplacé par { $by }
why-srv = remplacé par { $by } (un nouveau SRV remplace tous les enregistrements SRV de ce nom)
why-txt-all = remplacé par { $by } (txtConflictMatchingMode All)
why-txt-prefix = remplacé par { $by } : son texte commence par « { $prefix } » (txtConflictMatchingMode Prefix)
why-spf = règles SPF fusionnées dans { $by }, qui remplace cet enregistrement SPF
why-ns-delegation = { $by } délègue ce nom ailleurs
why-ns-above = cette délégation masquerait { $by }
why-redirect = remplacé par la redirection { $by }
why-previous = application précédente de { $template } pour l'hôte « { $host } », remplacée par celle-ci
why-cascade = fait partie d'une application précédente de { $template } dont l'enregistrement essentiel { $record } est supprimé
show-other = { $count ->
    [one] Afficher l'autre enregistrement
   *[other] Afficher les { $count } autres enregistrements
}
unchanged-count = { $count ->
    [one] { $count } enregistrement inchangé
   *[other] { $count } enregistrements inchangés
}
show-more = Afficher { $count } de plus ({ $rest } non affichés)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name } : des enregistrements avec et sans proxy partageraient ce nom ; certains visiteurs atteindraient le proxy, d'autres directement le serveur
proxy-unreachable = { $name } : l'enregistrement avec proxy pointe vers { $address }, une adresse de type { $kind } que le proxy ne peut pas joindre depuis Internet

## What a change breaks

stops = Cela interrompt { $service }.
stops-one-of = Cela interrompt l'un de ces services : { $services }.
one-of = l'un de { $service }
disables = Connecter désactive :
disables-used-for = Les enregistrements supprimés servent à : { $uses }.
concern-mail = l'e-mail
concern-verification = prouver que le domaine vous appartient
concern-essential = un service qui les marque comme essentiels
concern-other = un service

## Connect, Cancel and after

connect = Connecter
cancel = Annuler
connect-why = Connecter n'est pas proposé : cette demande ne peut pas être appliquée (voir ci-dessus).
applying = Application des modifications…
done-applied = Terminé : les modifications ont été appliquées ({ $at }).
done-already = Terminé : les enregistrements de votre domaine contiennent déjà ces modifications ({ $at }).
returning = Retour vers { $to }…
close-window = Vous pouvez fermer cette fenêtre.
request-sent = La requête envoyée
cancelled-returning = Annulé. Retour vers { $to }…
cancelled-close = Annulé : rien n'a été modifié. Vous pouvez fermer cette fenêtre.
return-to-service = Revenir au service
done = Terminé
failed-not-applied = Les modifications n'ont pas été appliquées.
failed-zone-changed = Les enregistrements de votre domaine ont changé après leur lecture par cette page : rien n'a donc été appliqué. Rechargez la page pour revoir les modifications par rapport aux enregistrements actuels.
failed-unknown = On ne sait pas si les modifications ont été appliquées.
failed-nothing-changed = Rien n'a été modifié.
failed-check-dashboard = Vérifiez les enregistrements de votre domaine dans le tableau de bord de votre fournisseur DNS avant de réessayer.
zone-gone = disparu : { $record }
zone-new = nouveau : { $record }
save-change = Enregistrer cette modification :
download-json = en JSON
download-bind = en texte de fichier de zone
download-request = la requête envoyée, avec la zone avant et après (sans clé)
undo = Annuler la modification
undone = Annulé : vos enregistrements sont revenus à leur état d'avant la connexion.
note-already-made = Connecter a relu les enregistrements de votre domaine et y a trouvé ces modifications déjà faites (depuis un autre onglet ou une autre fenêtre, peut-être) : rien n'a donc été envoyé.
note-answer-lost = La réponse a été perdue ({ $failure }), mais une nouvelle lecture de la zone montre chaque modification en place.
sandbox-provider = fournisseur bac à sable (stockage de ce navigateur)

## Checking the records over DNS

verify-new = Vérification que les nouveaux enregistrements répondent
verify-earlier = Vérification que les anciens enregistrements répondent de nouveau
verify-progress = enregistrements qui répondent comme prévu
verify-seen = répond comme prévu
verify-waiting = en attente…
verify-unseen = pas encore visible
verify-not-checked = non vérifié : { $why }
verify-checking = { $count } sur { $total } répondent ; nouvelle interrogation (tour { $round } sur { $rounds })…
verify-done = { $total ->
    [one] L'enregistrement répond comme prévu.
   *[other] Les { $total } enregistrements répondent comme prévu.
}
verify-not-yet = { $count } sur { $total } répondent comme prévu pour l'instant. Les autres ne sont pas encore visibles : les réponses DNS peuvent mettre quelques minutes à changer ; vous n'avez rien à faire.
verify-unavailable = Les enregistrements n'ont pas pu être vérifiés : { $why }
