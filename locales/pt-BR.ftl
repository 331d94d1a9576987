# Português do Brasil. Os tipos de registro, TTL e "Proxied" ficam como os painéis de DNS os escrevem.

## The page

skip = Ir para o conteúdo
loading-request = Carregando a solicitação…
not-found = Não encontrado
not-found-body = Não há nenhuma página aqui: este endereço não é uma URL de aplicação do Domain Connect.
home = Início
punycode = punycode
nothing-changed = Nada foi alterado.
diagnostic = Diagnóstico para o suporte
config-problem = A configuração não pode ser usada
config-problem-body = Nada será lido de um provedor de DNS nem gravado nele até que ela seja corrigida.

## When the request cannot be shown

problem-link-invalid = Este link não é uma solicitação válida do Domain Connect
problem-not-supported = Este provedor de DNS ainda não oferece suporte a { $service } de { $provider }
problem-template-unreadable = O modelo do serviço não pode ser lido
problem-zone-unreadable = Os registros do seu domínio não podem ser lidos
problem-config-unusable = A configuração do provedor de DNS não pode ser usada
advice-start-again = Volte ao serviço que enviou você até aqui e comece a configuração de novo. Se isso acontecer outra vez, envie o diagnóstico abaixo para o suporte dele.
advice-try-later = Tente de novo em instantes. Se continuar falhando, envie o diagnóstico abaixo para o suporte do seu provedor de DNS.
advice-not-supported = Peça ao serviço outra forma de conectar seu domínio ou adicione manualmente os registros necessários no painel do seu provedor de DNS.

## Signing in to the records API

credential-title = Entre no seu provedor de DNS
credential-intro = Esta página precisa de acesso aos registros do seu domínio. Se o painel do seu provedor de DNS a abriu, ele mesmo entrega o acesso; caso contrário, digite seu token de API.
credential-refused = Seu provedor de DNS recusou o acesso dado a esta página: ele pode ter expirado. Nada foi lido nem alterado; a página aguarda um novo.
credential-token = Token de API
credential-keep = Manter nesta aba
continue = Continuar
credential-why = O token fica nesta página (ou nesta aba, se você pedir): ele nunca é colocado em um endereço, um log ou um download.

## Who asks for what

lead = { $provider } pede para configurar { $service } em { $domain }
lead-host = { $provider } pede para configurar { $service } em { $domain } no host { $host }
note-template-names = Modelo: { $provider } / { $service } ({ $ids })
note-service-labels = { $labels }: um nome que começa com sublinhado guarda configurações de um serviço (autenticação de e-mail, certificados), não um site.
note-groups = Somente estas partes do modelo são aplicadas (groupId): { $groups }.
key-in-config = O config.json desta página contém a chave da API de registros, então qualquer pessoa que abrir esta página pode lê-la. Isso serve só para testes nesta máquina: entregue a chave a partir do seu painel.
already-set-up = { $service } já está configurado em { $domain }: nada mudaria.

## The signature and the refusals

sig-valid = Assinado por { $provider }: a assinatura é válida (chave { $key }).
sig-invalid = A assinatura não é válida: { $reason }.
sig-required = Uma assinatura é obrigatória: { $reason }.
sig-not-used = Este modelo não usa assinaturas.
phishing = Confira esta solicitação: os valores foram escolhidos por quem criou o link e nenhuma assinatura verificada os garante. Aplique-a somente se você mesmo iniciou esta configuração em { $service }.
cannot-apply = Esta solicitação não pode ser aplicada:
refusal-signature = a assinatura dela não é válida (veja acima)
refusal-sync-block = o modelo não pode ser aplicado a partir de um link (syncBlock)
refusal-host-required = o modelo precisa ser aplicado a um host, e o link não informa nenhum (hostRequired)
refusal-key-unavailable = não foi possível ler a chave em { $host }: { $reason }
refusal-template-mismatch = o link indica o modelo { $asked }, mas o modelo analisado é { $reviewed }
refusal-control-character = o parâmetro { $parameter } contém o caractere de controle { $character } na posição { $position }
refusal-redirect = o endereço de retorno { $uri } não pode ser usado: { $reason }
refusal-apply = o modelo não pode ser aplicado: { $error }

## How this was checked

how-checked = Como isto foi verificado
signed-bytes = Bytes assinados:
searching-signed = Procurando o que foi assinado…
search-no-answer = A busca não deu resposta.
search-failed = Não é possível procurar aqui o que foi assinado: { $error }.
what-verifies = O que é válido:
sources = Modelo de { $template }; zona de { $zone }.
return-none = Sem redirect_uri: a janela se fecha ao terminar.
return-allowed = Volta para { $uri } ({ $because }).
return-refused = Não voltará para { $uri }: { $reason }.
unused-parameters = Parâmetros que o modelo não usa: { $list }
missing-variables = Variáveis que o link não informa: { $list }
ignored = Ignorado: { $what }

## The records

changes-summary = { $add } a adicionar, { $remove } a remover, { $present } já presentes, { $others } outros registros sem alteração
changes-caption = Registros que este modelo altera
col-change = Alteração
col-type = Tipo
col-name = Nome
col-data = Dados
col-ttl = TTL
col-why = Motivo
col-proxy = Proxy
label-added = adicionado
label-removed = removido
label-kept = mantido
data-priority = prioridade { $priority }
data-weight-port = peso { $weight } porta { $port }
why-rewritten = já presente: gravado de novo sem mudanças
why-spf-merged = regras SPF mescladas ao registro SPF existente
why-kept = já presente, como o modelo pede
by-new-record = o novo registro { $type } em { $name }
why-cname = conflito de CNAME: um CNAME não pode coexistir com outros registros no mesmo nome ({ $by })
why-same-type = substituído por { $by }
why-srv = substituído por { $by } (um novo SRV substitui todos os registros SRV desse nome)
why-txt-all = substituído por { $by } (txtConflictMatchingMode All)
why-txt-prefix = substituído por { $by }: o texto dele começa com "{ $prefix }" (txtConflictMatchingMode Prefix)
why-spf = regras SPF mescladas em { $by }, que substitui este registro SPF
why-ns-delegation = { $by } delega este nome para outro lugar
why-ns-above = esta delegação esconderia { $by }
why-redirect = substituído pelo redirecionamento { $by }
why-previous = aplicação anterior de { $template } no host "{ $host }", substituída por esta
why-cascade = parte de uma aplicação anterior de { $template } cujo registro essencial { $record } é removido
show-other = { $count ->
    [one] Mostrar o outro registro
   *[other] Mostrar os outros { $count } registros
}
unchanged-count = { $count ->
    [one] { $count } registro sem alteração
   *[other] { $count } registros sem alteração
}
show-more = Mostrar mais { $count } ({ $rest } não exibidos)
proxied = Proxied
dns-only = DNS only
proxy-label = Proxy { $type } { $name }
proxy-mixed = { $name }: registros com e sem proxy compartilhariam este nome, então alguns visitantes chegariam ao proxy e outros diretamente ao servidor
proxy-unreachable = { $name }: o registro com proxy aponta para { $address }, um endereço do tipo { $kind } que o proxy não alcança pela Internet

## What a change breaks

stops = Isto interrompe { $service }.
stops-one-of = Isto interrompe um destes serviços: { $services }.
one-of = um de { $service }
disables = Conectar desativa:
disables-used-for = Os registros removidos são usados para: { $uses }.
concern-mail = e-mail
concern-verification = comprovar que o domínio é seu
concern-essential = um serviço que os marca como essenciais
concern-other = um serviço

## Connect, Cancel and after

connect = Conectar
cancel = Cancelar
connect-why = Conectar não está disponível: esta solicitação não pode ser aplicada (veja acima).
applying = Aplicando as alterações…
done-applied = Pronto: as alterações foram aplicadas ({ $at }).
done-already = Pronto: os registros do seu domínio já contêm estas alterações ({ $at }).
returning = Voltando para { $to }…
close-window = Você pode fechar esta janela.
request-sent = A solicitação enviada
cancelled-returning = Cancelado. Voltando para { $to }…
cancelled-close = Cancelado: nada foi alterado. Você pode fechar esta janela.
return-to-service = Voltar ao serviço
done = Pronto
failed-not-applied = As alterações não foram aplicadas.
failed-zone-changed = Os registros do seu domínio mudaram depois que esta página os leu, por isso nada foi aplicado. Recarregue a página para revisar as alterações em relação aos registros atuais.
failed-unknown = Não se sabe se as alterações foram aplicadas.
failed-nothing-changed = Nada foi alterado.
failed-check-dashboard = Confira os registros do seu domínio no painel do seu provedor de DNS antes de tentar de novo.
zone-gone = removido: { $record }
zone-new = novo: { $record }
save-change = Salvar esta alteração:
download-json = como JSON
download-bind = como texto de arquivo de zona
download-request = a solicitação enviada, com a zona antes e depois (sem chave)
undo = Desfazer
undone = Desfeito: seus registros voltaram a ser como antes de Conectar.
note-already-made = Conectar leu de novo os registros do seu domínio e encontrou estas alterações já feitas (talvez em outra aba ou janela), por isso nada foi enviado.
note-answer-lost = A resposta se perdeu ({ $failure }), mas ler a zona de novo mostra cada alteração no lugar.
sandbox-provider = provedor de teste (armazenamento deste navegador)

## Checking the records over DNS

verify-new = Verificando se os novos registros respondem
verify-earlier = Verificando se os registros anteriores voltam a responder
verify-progress = registros respondendo como esperado
verify-seen = responde como esperado
verify-waiting = aguardando…
verify-unseen = ainda não visível
verify-not-checked = não verificado: { $why }
verify-checking = { $count } de { $total } respondendo; perguntando de novo (rodada { $round } de { $rounds })…
verify-done = { $total ->
    [one] O registro responde como esperado.
   *[other] Todos os { $total } registros respondem como esperado.
}
verify-not-yet = { $count } de { $total } respondem como esperado até agora. Os demais ainda não estão visíveis: respostas de DNS podem levar alguns minutos para mudar; não é preciso fazer nada.
verify-unavailable = Não foi possível verificar os registros: { $why }
