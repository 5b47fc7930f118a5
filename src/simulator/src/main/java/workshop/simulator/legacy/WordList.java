package workshop.simulator.legacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kit's password word list for the weak-secret attack (A3): generated here from a small vocabulary the kit wrote
 * itself, with the mangling rules cracking tools apply first (capital letter, a year or a number, a "!" at the end,
 * letters swapped for digits). No leaked password list is shipped or needed: the point is how fast a human-chosen
 * secret falls, not which one. Deterministic: the same list, in the same order, on every machine.
 */
public final class WordList {

    /** Words people use as "secrets" in demos and config files (written for the kit). */
    private static final List<String> VOCABULARY = List.of(
            "secret", "password", "passw0rd", "letmein", "welcome", "admin", "changeme", "default", "qwerty",
            "dragon", "monkey", "sunshine", "shadow", "master", "football", "baseball", "princess", "superman",
            "batman", "trustno1", "iloveyou", "starwars", "whatever", "freedom", "hello", "login", "access",
            "token", "jwt", "jwtsecret", "jwt-secret", "jwt_secret", "secretkey", "secret-key", "secret_key",
            "mysecret", "my-secret", "supersecret", "topsecret", "signing", "signingkey", "hmac", "hs256",
            "key", "apikey", "api-key", "private", "server", "backend", "devsecret", "dev", "test", "testing",
            "staging", "prod", "production", "local", "localhost", "example", "sample", "demo", "workshop",
            "cookie", "session", "auth", "oauth", "bearer", "spring", "express", "django", "rails", "laravel",
            "node", "java", "python", "kotlin", "gopher", "docker", "kubernetes", "cloud", "azure", "github",
            "company", "acme", "contoso", "alice", "bob", "wonderland", "builder", "summer", "winter", "autumn",
            "spring2024", "coffee", "pizza", "banana", "orange", "purple", "tiger", "lion", "falcon", "phoenix");

    private static final List<String> SUFFIXES = List.of("", "1", "12", "123", "1234", "!", "2024", "2025", "2026", "01", "99");

    private static final List<String> WORDS = build();

    private WordList() {
    }

    /** The whole list (a few thousand entries), most likely first; unmodifiable. */
    public static List<String> words() {
        return WORDS;
    }

    private static List<String> build() {
        Set<String> out = new LinkedHashSet<>();
        for (String suffix : SUFFIXES) {
            for (String word : VOCABULARY) {
                for (String form : forms(word)) {
                    out.add(form + suffix);
                }
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }

    private static List<String> forms(String word) {
        String capital = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        String leet = word.replace('a', '4').replace('e', '3').replace('o', '0').replace('i', '1').replace('s', '5');
        return List.of(word, capital, word.toUpperCase(Locale.ROOT), leet);
    }
}
