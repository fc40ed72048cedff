package dev.guard4j.filters.injection;

import static dev.guard4j.filters.injection.Signal.Kind.AIMED_AT_MODEL;
import static dev.guard4j.filters.injection.Signal.Kind.CHAT_TEMPLATE;
import static dev.guard4j.filters.injection.Signal.Kind.HIDDEN_INSTRUCTION;
import static dev.guard4j.filters.injection.Signal.Kind.MARKDOWN_EXFILTRATION;
import static dev.guard4j.filters.injection.Signal.Kind.OVERRIDE;
import static dev.guard4j.filters.injection.Signal.Kind.PERSONA;
import static dev.guard4j.filters.injection.Signal.Kind.PROMPT_EXFILTRATION;
import static dev.guard4j.filters.injection.Signal.Kind.REFUSAL_SUPPRESSION;
import static dev.guard4j.filters.injection.Signal.Kind.ROLE_REASSIGNMENT;
import static dev.guard4j.filters.injection.Signal.Kind.TOOL_COERCION;

import java.util.List;

/**
 * The hand-written phrase signals, per language, matched against folded (lower-cased) text.
 *
 * <p>Weights are how sure one match alone makes us: about 0.85 for unambiguous phrases ("ignore
 * all previous instructions"), 0.3 to 0.5 for phrases that benign text also uses ("you are now",
 * "without restrictions") and that need the model or a second signal to block.
 */
final class InjectionSignals {

    /** A bounded gap within one sentence. */
    private static final String G = "[^\\n.!?;]{0,40}?";
    /** A short bounded gap within one sentence. */
    private static final String S = "[^\\n.!?;]{0,20}?";
    /** A bounded gap for scripts without spaces. */
    private static final String C = "[^\\n。！？]{0,12}?";

    private static final String EN_RULES = "(?:instructions?|directions?|directives?|prompts?|rules?|guidelines?|commands?|orders?|context|guidance|constraints?"
            + "|restrictions?|programming|training|polic(?:y|ies)|conversation|tasks?|assignments?|everything)\\b";

    static final List<Signal> ALL = List.of(
            // English: instruction override and its paraphrases
            Signal.of("en.override", OVERRIDE, 0.85, true,
                    "ignore|disregard|forget|skip|bypass|override|overlook|neglect|abandon|set aside|throw away|discard|pay no attention to|do not follow|don't follow|stop following|no longer follow",
                    "\\b" + G + "\\b(?:previous|prior|above|earlier|preceding|former|original|initial|system|all|any|your|these|those|the|every|foregoing|given)\\b" + S + EN_RULES),
            Signal.of("en.override.forget-everything", OVERRIDE, 0.7, true,
                    "forget|ignore|disregard",
                    " (?:everything|all|anything)(?: (?:you (?:were|have been) told|(?:that )?(?:was said|i said|came) (?:before|above|earlier)|above|before|so far|previously))"),
            Signal.of("en.override.new-instructions", OVERRIDE, 0.4, true,
                    "new instructions|new instruction|begin reprogramming|reprogram you|new task|new rules|updated instructions|real instructions|actual instructions|your new|revised instructions",
                    "\\b"),
            Signal.of("en.override.instead", OVERRIDE, 0.4, true,
                    "instead of|rather than",
                    G + "\\b(?:instructions?|your task|what you were told|the task above)\\b"),
            Signal.of("en.override.now", OVERRIDE, 0.3, true,
                    "now",
                    " (?:say|print|output|write|respond with|reply with|type) (?:only |just |exactly )?[\"'“]"),
            Signal.of("en.override.attention", OVERRIDE, 0.45, true,
                    "stop everything|stop what you are doing|halt everything|drop everything|abort the current task|stop the current task",
                    "\\b"),
            // role reassignment and fake turns
            Signal.of("en.role.you-are-now", ROLE_REASSIGNMENT, 0.3, true,
                    "you are now|you're now|from now on|henceforth|you are no longer|you will now act|you will now be|starting now you",
                    "\\b"),
            Signal.of("en.role.pretend", ROLE_REASSIGNMENT, 0.2, true,
                    "pretend to be|pretend you are|pretend that you|imagine you are|roleplay as|role-play as|play the role of",
                    "\\b"),
            Signal.of("en.role.unrestricted-persona", PERSONA, 0.6, true,
                    "act as|behave as|you are|pretend to be|become|simulate|emulate",
                    " (?:an? |the )?" + S + "\\b(?:unrestricted|unfiltered|uncensored|unethical|amoral|immoral|evil|rogue|unbound|unlimited|jailbroken|free)\\b" + S
                            + "\\b(?:ai|assistant|model|chatbot|bot|version|llm|gpt|character|entity)\\b"),
            Signal.literals("en.template.im-start", CHAT_TEMPLATE, 0.85,
                    "<|im_start|>", "<|im_end|>", "<|system|>", "<|user|>", "<|assistant|>", "<|endoftext|>", "<|begin_of_text|>",
                    "<|start_header_id|>", "<|eot_id|>", "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>"),
            Signal.of("en.template.heading", CHAT_TEMPLATE, 0.6, false,
                    "##",
                    "#*\\s*(?:system|system prompt|new instructions?|admin|developer|instruction)\\s*(?:message|override|prompt)?\\s*:?\\s*(?:\\n|$)"),
            Signal.of("en.template.turn", CHAT_TEMPLATE, 0.5, false,
                    "\nsystem:|\ndeveloper:|\nsystem message:|[system]|[system note|[system message|(system:|{system:|<system>|</system>|<instructions>|</instructions>|\nadmin:|[admin]|[developer",
                    ""),
            Signal.of("en.template.end-of-prompt", CHAT_TEMPLATE, 0.6, true,
                    "end of prompt|end of instructions|end of system prompt|end of user input|begin new instructions|end of document",
                    "\\b"),
            // system-prompt exfiltration
            Signal.of("en.exfiltration.prompt", PROMPT_EXFILTRATION, 0.8, true,
                    "reveal|show|print|repeat|output|display|tell me|give me|share|leak|disclose|write out|spell out|return|what is|what are|what were|list|copy|recite|dump|translate",
                    G + "\\b(?:your|the|its|my|all|of)\\b" + S
                            + "\\b(?:system prompt|system message|system instructions?|initial (?:prompt|instructions?)|original (?:prompt|instructions?)|hidden (?:prompt|instructions?)"
                            + "|secret (?:instructions?|password|key)|pre-?prompt|instructions (?:above|you were given)|prompt above|text above|words above|developer (?:message|instructions?)|confidential instructions?)"),
            Signal.of("en.exfiltration.above", PROMPT_EXFILTRATION, 0.75, true,
                    "repeat the words above|repeat everything above|repeat the text above|what was written above|everything before this|text before this message|repeat your instructions|your instructions verbatim|starting with \"you are|starting with 'you are|beginning with \"you are",
                    ""),
            Signal.of("en.exfiltration.password", PROMPT_EXFILTRATION, 0.5, true,
                    "password|passphrase|secret key|secret word",
                    S + "\\b(?:you (?:know|were given|have been given|are protecting|are guarding|must not reveal|must keep))"),
            // personas and "developer mode"
            Signal.of("en.persona.dan", PERSONA, 0.9, true,
                    "do anything now|safe mode off|safety mode off|safety filters off|safety filters disabled|filters disabled|restrictions disabled|censorship off|ethics off|developer mode enabled|developer mode output|with developer mode|developer mode response|in developer mode, you|dan mode|jailbreak mode|god mode|unrestricted mode|evil mode|dude mode|stan mode|aim mode|maximum mode|opposite mode|anti-dan",
                    ""),
            Signal.of("en.persona.named", PERSONA, 0.6, true,
                    "dan|stan|dude|betterdan|apophis|evil-bot|evilbot|nsfw gpt|chatgpt with|aim",
                    "\\b[^\\n]{0,30}?\\b(?:mode|enabled|persona|stands for|jailbreak|always intelligent and machiavellian|machiavellian)\\b"),
            Signal.of("en.persona.no-rules", PERSONA, 0.3, true,
                    "no restrictions|no limitations|no limits|no rules|no filters|no censorship|no boundaries|no guidelines|no ethical|no moral|without any restrictions|without restrictions|without any filters|without filters|without censorship|without limitations|free from all|free of all|not bound by|broken free|break free|freed from|unrestricted|unfiltered|uncensored",
                    "\\b"),
            Signal.of("en.persona.policy", PERSONA, 0.5, true,
                    "openai|content policy|content policies|ethical guidelines|safety guidelines|usage policies|moral guidelines|ethics and morals|ethical principles",
                    "\\b" + G + "\\b(?:ignore|bypass|violat|disregard|not (?:apply|matter|bound)|doesn't apply|do not apply|don't apply|no longer|anymore|break|abandon|free|without)"),
            Signal.of("en.persona.amoral", PERSONA, 0.35, true,
                    "regardless of|disregards|disregarding|ignores|ignoring|without regard for|devoid of|has no|have no|doesn't have any|does not have any|doesn't care about|does not care about|not bound by any|unconcerned with",
                    S + "\\b(?:ethic|moral|legal(?:ity)? (?:considerations|implications|concerns)|laws|safety guidelines|content polic)"),
            Signal.of("en.persona.character", PERSONA, 0.35, true,
                    "stay in character|never break character|don't break character|do not break character|remain in character|stay as|you will always answer|two responses|two different responses|dual response|both responses",
                    "\\b"),
            Signal.of("en.persona.hypothetical", PERSONA, 0.35, true,
                    "hypothetical|fictional|in a world where|in this story|for a novel|for my novel|for a movie|purely for",
                    G + "\\b(?:no (?:laws|rules|ethics|restrictions|morals)|anything goes|illegal|unethical|without (?:any )?(?:consequences|restrictions))\\b"),
            // refusal suppression
            Signal.of("en.refusal.never-refuse", REFUSAL_SUPPRESSION, 0.7, true,
                    "never refuse|not refuse|don't refuse|cannot refuse|can't refuse|must not refuse|will not refuse|won't refuse|never decline|not decline|never say no|never say you can't|never say that you can't|not allowed to refuse|unable to refuse",
                    "\\b"),
            Signal.of("en.refusal.no-apology", REFUSAL_SUPPRESSION, 0.6, true,
                    "do not apologize|don't apologize|never apologize|no apologies|do not include any warnings|don't include any warnings|without any warnings|without warnings|no disclaimers|without disclaimers|without any disclaimers|no warnings|do not add any warnings|don't add any disclaimers|no moralizing|without moralizing|no lectures",
                    "\\b"),
            Signal.of("en.refusal.sure", REFUSAL_SUPPRESSION, 0.75, true,
                    "begin your reply with|begin your response with|start your response with|start your reply with|start your answer with|begin your answer with|respond only with|start with the sentence|begin with the sentence|begin by replying with|start by saying",
                    S + "[\"'“`]?\\s*(?:sure|absolutely|of course|certainly|here is|here's|yes)"),
            Signal.of("en.refusal.sorry", REFUSAL_SUPPRESSION, 0.6, true,
                    "never say|not say|don't say|never respond with|not respond with|don't respond with|avoid saying|never use the phrase|not use the phrase|never include|not include|never mention|not mention|instead of saying|never tell me|not tell me|never remind|not remind",
                    S + "(?:i'm sorry|i am sorry|as an ai|as a language model|i cannot|i can't|i apologi|that you can't|that you cannot|you can't|you cannot|it's illegal|it is illegal|inappropriate|unethical|openai|content polic|ethical|moral|warnings?|disclaimers?|dangerous|harmful)"),
            // exfiltration through links and images
            Signal.of("en.markdown.image-query", MARKDOWN_EXFILTRATION, 0.7, false,
                    "![",
                    "[^\\]\\n]{0,100}\\]\\(\\s*https?://[^)\\s]{1,200}\\?[^)\\s]{0,200}=[^)\\s]{0,300}\\)"),
            Signal.of("en.markdown.placeholder", MARKDOWN_EXFILTRATION, 0.6, false,
                    "https://|http://",
                    "[^\\s)\"'<>]{1,200}[?&][^\\s)\"'<>]{1,100}=(?:\\[|\\{|<|%7b|%5b|\\$)[^\\s)]{0,100}"),
            Signal.of("en.markdown.encode-into", MARKDOWN_EXFILTRATION, 0.6, true,
                    "append|include|add|encode|insert|put|embed",
                    G + "\\b(?:conversation|chat history|user's|user data|previous messages|password|secret|email|api key|credentials?|personal data|summary)\\b" + G
                            + "\\b(?:url|link|image|query|parameter|markdown)"),
            // tool-call coercion
            Signal.of("en.tool.invoke", TOOL_COERCION, 0.35, true,
                    "call the|invoke the|use the|run the|execute the|trigger the|call function|invoke function",
                    S + "\\b(?:tool|function|plugin|api|action|command)\\b"),
            Signal.of("en.tool.send", TOOL_COERCION, 0.55, true,
                    "send|forward|email|e-mail|post|upload|transfer|exfiltrate|leak|copy",
                    G + "\\b(?:all|every|the user's|user's|their|the|my|his|her|your)\\b" + S
                            + "\\b(?:emails?|messages?|files?|documents?|passwords?|credentials?|contacts?|conversation|data|history|tokens?|keys?|secrets?)\\b" + G
                            + "(?:@|https?://|\\bto (?:this|the following|my|an external|the attacker))"),
            Signal.of("en.tool.destructive", TOOL_COERCION, 0.5, true,
                    "delete all|delete every|remove all|wipe|rm -rf|drop table|transfer all|transfer the funds|wire the",
                    "\\b"),
            // indirect: text aimed at the model inside documents
            Signal.of("en.aimed.address", AIMED_AT_MODEL, 0.45, true,
                    "ai assistant|ai model|language model|llm|chatbot|assistant|ai|gpt|claude|copilot|bing|bard|gemini|chatgpt",
                    "\\s*[,:]\\s*(?:please\\s+)?(?:ignore|disregard|forget|you must|you should|do not|don't|stop|instead|now|when|tell|say|reply|respond|include|add|send|append|remember|make sure|always|never|output|print)\\b"),
            Signal.of("en.aimed.if-you-are", AIMED_AT_MODEL, 0.55, true,
                    "if you are an|if you're an|if you are a|if you are the|to any ai|to the ai|note to the|note for the|message for the|message to the|instructions for the|instruction for the|dear ai|dear assistant|attention ai|attention assistant|hey ai|hey assistant|for ai readers|for llms",
                    S + "\\b(?:ai|llm|assistant|language model|model|bot|chatbot|agent|gpt|reader|system)"),
            Signal.of("en.aimed.when-summarising", AIMED_AT_MODEL, 0.5, true,
                    "when you summarize|when you summarise|when summarizing|when summarising|if you summarize|if you summarise|when you read this|if you read this|when processing this|when you process this|while summarizing|while summarising|if asked about this|when asked about this|when answering|in your summary|in your response|in your answer",
                    "\\b" + G + "\\b(?:must|should|always|never|instead|include|say|mention|tell|write|add|ignore|do not|don't|only|state|recommend)\\b"),
            Signal.of("en.aimed.hide-from-user", AIMED_AT_MODEL, 0.65, true,
                    "do not tell the user|don't tell the user|do not mention this|don't mention this|do not reveal this|without telling the user|without informing the user|the user must not know|the user should not know|don't let the user know|do not inform the user|keep this secret from|hidden from the user|secretly|without the user noticing",
                    "\\b"),
            Signal.of("en.hidden.comment", HIDDEN_INSTRUCTION, 0.4, false,
                    "<!--",
                    "[^>]{0,300}?\\b(?:ignore|instruction|assistant|ai|model|prompt|system|must|should)\\b"),
            Signal.of("en.hidden.css", HIDDEN_INSTRUCTION, 0.3, false,
                    "display:none|display: none|font-size:0|font-size: 0|color:#fff|color: #fff|color:white|color: white|opacity:0|opacity: 0|visibility:hidden",
                    ""),

            // German
            Signal.of("de.override", OVERRIDE, 0.85, false,
                    "ignorier|vergiss|vergessen sie|vergesst|missachte|übergeh|beachte nicht|nicht beachten|hör auf",
                    G + "(?:vorherig|bisherig|obig|vorig|alle|deine|ihre|früher|voran|gesamt|die|den)" + S
                            + "(?:anweisung|instruktion|befehl|regel|vorgabe|anordnung|aufgabe|information|richtlinie|auftr|eingabe|kontext|gesagt)"),
            Signal.of("de.override.everything", OVERRIDE, 0.7, false,
                    "vergiss alles|vergessen sie alles|ignoriere alles|ignorieren sie alles|alles vergessen|vergiss das",
                    ""),
            Signal.of("de.override.new-task", OVERRIDE, 0.5, false,
                    "neue aufgabe|neue anweisung|neuen anweisung|neuen aufgabe|jetzt kommt eine|nun folgt eine|jetzt folgt eine|stattdessen",
                    ""),
            Signal.of("de.role", ROLE_REASSIGNMENT, 0.4, false,
                    "du bist jetzt|du bist nun|ab jetzt bist du|ab sofort bist du|nun bist du|jetzt bist du|tu so als|tu so, als|stell dir vor, du bist|stell dir vor du bist|verhalte dich wie|sie sind jetzt|ab jetzt bist|ab sofort",
                    ""),
            Signal.of("de.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "zeig|gib|verrat|wiederhol|nenn|schreib|druck|gebe|sag",
                    G + "(?:system-?prompt|systemanweisung|systemnachricht|ursprünglichen anweisung|anfangsanweisung|geheimen anweisung|versteckten anweisung|dein(?:en)? prompt|passwort)"),
            Signal.of("de.persona", PERSONA, 0.4, false,
                    "ohne einschränkung|ohne jegliche einschränkung|ohne zensur|ohne filter|ohne regeln|ohne moral|ohne ethische|keine regeln|keine einschränkungen|keinerlei einschränkungen|entwicklermodus",
                    ""),
            Signal.of("de.refusal", REFUSAL_SUPPRESSION, 0.6, false,
                    "lehne nicht ab|verweigere nicht|du darfst nicht ablehnen|niemals ablehnen|lehne niemals|verweigere niemals|ohne warnung|ohne hinweis",
                    ""),

            // French
            Signal.of("fr.override", OVERRIDE, 0.85, false,
                    "ignore|oublie|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction|ne suis pas|ne suivez pas|néglige",
                    G + "(?:précédent|antérieur|ci-dessus|toutes|tous|tes|vos|les|des)" + S
                            + "(?:instructions|consignes|directives|règles|ordres|commandes|indications)"),
            Signal.of("fr.role", ROLE_REASSIGNMENT, 0.4, false,
                    "tu es maintenant|vous êtes maintenant|à partir de maintenant|désormais tu|désormais, tu|désormais vous|fais semblant d'être|faites semblant d'être|nouvelles instructions|nouvelle tâche",
                    ""),
            Signal.of("fr.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "révèle|révélez|montre|montrez|affiche|affichez|répète|répétez|donne|donnez|dis-moi|dites-moi|écris|imprime",
                    G + "(?:prompt système|prompt systeme|invite système|message système|instructions initiales|instructions système|instructions secrètes|instructions d'origine|instructions cachées|mot de passe)"),
            Signal.of("fr.persona", PERSONA, 0.4, false,
                    "sans aucune restriction|sans restriction|sans censure|sans filtre|sans limites|sans aucune limite|mode développeur|sans règles|aucune règle|sans éthique",
                    ""),
            Signal.of("fr.refusal", REFUSAL_SUPPRESSION, 0.6, false,
                    "ne refuse jamais|ne refusez jamais|ne dois pas refuser|ne devez pas refuser|ne peux pas refuser|sans avertissement",
                    ""),

            // Spanish
            Signal.of("es.override", OVERRIDE, 0.85, false,
                    "ignora|olvida|olvídate|descarta|no hagas caso|haz caso omiso|no sigas|omite|pasa por alto",
                    G + "(?:anterior|previa|previo|de arriba|todas|todos|tus|sus|las|los)" + S
                            + "(?:instrucciones|indicaciones|directrices|reglas|órdenes|ordenes|normas|comandos)"),
            Signal.of("es.role", ROLE_REASSIGNMENT, 0.4, false,
                    "ahora eres|a partir de ahora|desde ahora eres|finge ser|finge que eres|actúa como si|nuevas instrucciones|nueva tarea",
                    ""),
            Signal.of("es.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "revela|muestra|muéstrame|repite|dime|imprime|escribe|dame",
                    G + "(?:prompt del sistema|mensaje del sistema|instrucciones iniciales|instrucciones originales|instrucciones del sistema|instrucciones secretas|instrucciones ocultas|contraseña)"),
            Signal.of("es.persona", PERSONA, 0.4, false,
                    "sin ninguna restricción|sin restricciones|sin censura|sin filtros|sin límites|modo desarrollador|sin reglas|sin ética",
                    ""),
            Signal.of("es.refusal", REFUSAL_SUPPRESSION, 0.6, false,
                    "nunca te niegues|no te niegues|nunca rechaces|no puedes negarte|sin advertencias",
                    ""),

            // Italian
            Signal.of("it.override", OVERRIDE, 0.85, false,
                    "ignora|dimentica|non considerare|tralascia|non seguire|trascura",
                    G + "(?:precedent|sopra|tutte|tutti|le tue|le|gli)" + S
                            + "(?:istruzioni|indicazioni|direttive|regole|ordini|comandi)"),
            Signal.of("it.role", ROLE_REASSIGNMENT, 0.4, false,
                    "ora sei|adesso sei|da ora in poi|d'ora in poi|fingi di essere|nuove istruzioni|nuovo compito",
                    ""),
            Signal.of("it.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "rivela|mostra|mostrami|ripeti|dimmi|stampa|scrivi|dammi",
                    G + "(?:prompt di sistema|messaggio di sistema|istruzioni iniziali|istruzioni originali|istruzioni di sistema|istruzioni segrete|istruzioni nascoste|password)"),
            Signal.of("it.persona", PERSONA, 0.4, false,
                    "senza alcuna restrizione|senza restrizioni|senza censura|senza filtri|senza limiti|modalità sviluppatore|senza regole",
                    ""),
            Signal.of("it.refusal", REFUSAL_SUPPRESSION, 0.6, false,
                    "non rifiutare mai|non devi rifiutare|non puoi rifiutare|senza avvertenze",
                    ""),

            // Portuguese
            Signal.of("pt.override", OVERRIDE, 0.85, false,
                    "ignore|ignora|esqueça|esquece|desconsidere|desconsidera|não siga|nao siga|despreze",
                    G + "(?:anterior|prévia|previa|acima|todas|todos|suas|tuas|as|os)" + S
                            + "(?:instruções|instrucoes|orientações|orientacoes|diretrizes|regras|ordens|comandos)"),
            Signal.of("pt.role", ROLE_REASSIGNMENT, 0.4, false,
                    "agora você é|agora voce e|agora tu és|a partir de agora|finja ser|finja que é|novas instruções|nova tarefa",
                    ""),
            Signal.of("pt.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "revele|mostre|mostra|repita|diga|imprima|escreva|me dê|me de",
                    G + "(?:prompt do sistema|prompt de sistema|mensagem do sistema|instruções iniciais|instruções originais|instruções do sistema|instruções secretas|instruções ocultas|senha)"),
            Signal.of("pt.persona", PERSONA, 0.4, false,
                    "sem nenhuma restrição|sem restrições|sem restricoes|sem censura|sem filtros|sem limites|modo desenvolvedor|sem regras",
                    ""),
            Signal.of("pt.refusal", REFUSAL_SUPPRESSION, 0.6, false,
                    "nunca recuse|não recuse|não pode recusar|não deve recusar|sem avisos",
                    ""),

            // Chinese
            Signal.of("zh.override", OVERRIDE, 0.85, false,
                    "忽略|无视|忽视|不要理会|不要遵守|不要遵循|忘记|忘掉|抛开|放弃",
                    C + "(?:之前|以前|先前|上面|上述|前面|所有|全部|原来|原有|你的|以上|此前)" + "[^\\n。！？]{0,10}?" + "(?:指令|指示|说明|规则|提示|命令|要求|设定|限制|内容|任务)"),
            Signal.of("zh.role", ROLE_REASSIGNMENT, 0.4, false,
                    "你现在是|从现在开始|从现在起|现在你是|假装你是|扮演|新的指令|新任务|新的任务",
                    ""),
            Signal.of("zh.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "告诉我|显示|输出|重复|打印|泄露|透露|展示|给我看",
                    C + "(?:系统提示|系统提示词|初始指令|原始指令|系统指令|隐藏指令|提示词|系统消息|密码)"),
            Signal.of("zh.persona", PERSONA, 0.5, false,
                    "开发者模式|越狱|不受任何限制|没有任何限制|无任何限制|不受限制|没有限制|没有道德|没有规则|无视道德",
                    ""),
            Signal.of("zh.refusal", REFUSAL_SUPPRESSION, 0.55, false,
                    "不要拒绝|不能拒绝|绝不拒绝|永远不要拒绝|不得拒绝|不要道歉|不要警告",
                    ""),

            // Japanese
            Signal.of("ja.override", OVERRIDE, 0.85, false,
                    "以前の|前の|上記の|これまでの|すべての|全ての|元の|先ほどの|今までの",
                    "[^\\n。！？]{0,10}?(?:指示|命令|ルール|指令|設定|プロンプト|制約|規則)[^\\n。！？]{0,6}?(?:無視|忘れ|従わ)"),
            Signal.of("ja.override.ignore", OVERRIDE, 0.6, false,
                    "指示を無視|命令を無視|ルールを無視|指示は無視|制約を無視|すべて無視|全て無視",
                    ""),
            Signal.of("ja.role", ROLE_REASSIGNMENT, 0.4, false,
                    "あなたは今|今からあなたは|これからあなたは|あなたはもう|ふりをして|新しい指示|新しいタスク",
                    ""),
            Signal.of("ja.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "システムプロンプト|初期指示|元の指示|隠された指示|システム指示|パスワード",
                    "[^\\n。！？]{0,15}?(?:教えて|表示|出力|見せ|繰り返|明かし|書いて|言って)"),
            Signal.of("ja.persona", PERSONA, 0.5, false,
                    "開発者モード|脱獄|制限なし|制限のない|制限を受けない|倫理的な制約|何でもできる",
                    ""),
            Signal.of("ja.refusal", REFUSAL_SUPPRESSION, 0.55, false,
                    "拒否しないで|断らないで|拒否してはいけない|断ってはいけない|謝らないで",
                    ""),

            // Russian
            Signal.of("ru.override", OVERRIDE, 0.85, false,
                    "игнорируй|игнорируйте|забудь|забудьте|не обращай внимания|не обращайте внимания|отбрось|пренебреги|не следуй|не выполняй",
                    G + "(?:предыдущ|прежн|вышеуказанн|вышеизложенн|все|свои|твои|ваши|прошл|данн|изначальн)" + S
                            + "(?:инструкци|указани|правил|команд|установк|ограничени|задани|сказанное)"),
            Signal.of("ru.role", ROLE_REASSIGNMENT, 0.4, false,
                    "теперь ты|отныне ты|с этого момента ты|с этого момента|притворись|представь, что ты|представь что ты|новые инструкции|новая задача",
                    ""),
            Signal.of("ru.exfiltration", PROMPT_EXFILTRATION, 0.8, false,
                    "покажи|раскрой|выведи|повтори|скажи|напечатай|напиши|сообщи",
                    G + "(?:системный промпт|системную подсказку|системные инструкции|системное сообщение|исходные инструкции|начальные инструкции|скрытые инструкции|пароль)"),
            Signal.of("ru.persona", PERSONA, 0.45, false,
                    "режим разработчика|без каких-либо ограничений|без ограничений|без цензуры|без фильтров|без правил|без морали",
                    ""),
            Signal.of("ru.refusal", REFUSAL_SUPPRESSION, 0.55, false,
                    "никогда не отказывай|не отказывайся|ты не можешь отказаться|не отказывайте|без предупреждений",
                    ""));

    private InjectionSignals() {
    }
}
