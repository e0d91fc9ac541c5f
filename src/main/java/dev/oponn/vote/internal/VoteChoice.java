package dev.oponn.vote.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a voter marked, one record per way of marking: the typed command {@code VoteService} casts, whoever built it
 * (the HTML form here, another client elsewhere). {@link ChoiceRules} checks one against its ballot. In the choices
 * of several options a write-in is one more option, named by {@link #WRITE_IN_OPTION} until the write-in has an id.
 */
public sealed interface VoteChoice {

    /** Stands for the write-in among option ids (real ids count from 1), until it is found or appended. */
    int WRITE_IN_OPTION = 0;

    /** @return the write-in text, if this choice names one */
    @Nullable
    String writeIn();

    /** Single choice: an existing option. */
    record Existing(int optionId) implements VoteChoice {
        @Override
        public @Nullable String writeIn() {
            return null;
        }
    }

    /** Single choice: a write-in text. */
    record WriteIn(String label) implements VoteChoice {
        @Override
        public String writeIn() {
            return label;
        }
    }

    /** Multiple choice and approval: the options picked, {@link #WRITE_IN_OPTION} for the write-in. */
    record Picked(SortedSet<Integer> options, @Nullable String writeIn) implements VoteChoice {

        public Picked {
            options = new TreeSet<>(options);
        }

        /** The picks with the write-in's option id in its place; picking an option twice picks it once. */
        public SortedSet<Integer> resolved(int writeInId) {
            SortedSet<Integer> resolved = new TreeSet<>(options);
            if (resolved.remove(WRITE_IN_OPTION)) {
                resolved.add(writeInId);
            }
            return resolved;
        }
    }

    /** Ranked: option ids best first, {@link #WRITE_IN_OPTION} where the write-in is ranked. */
    record Ranked(List<Integer> ranking, @Nullable String writeIn) implements VoteChoice {

        public Ranked {
            ranking = List.copyOf(ranking);
        }

        /**
         * The ranking with the write-in's option id in its place. Should the write-in turn out to name an option
         * already ranked (another instance appended it a moment ago), it keeps the better of its two ranks.
         */
        public List<Integer> resolved(int writeInId) {
            List<Integer> resolved = new ArrayList<>();
            for (int option : ranking) {
                int id = option == WRITE_IN_OPTION ? writeInId : option;
                if (!resolved.contains(id)) {
                    resolved.add(id);
                }
            }
            return resolved;
        }
    }

    /** Score: stars (0 to 5) per option, unscored options left out; {@link #WRITE_IN_OPTION} for the write-in. */
    record Scored(Map<Integer, Integer> stars, @Nullable String writeIn) implements VoteChoice {

        public Scored {
            stars = Map.copyOf(stars);
        }

        /** Stars by option id in option order, the write-in's under its id (the higher, should it name a scored one). */
        public Map<Integer, Integer> resolved(int writeInId) {
            Map<Integer, Integer> resolved = new TreeMap<>();
            stars.forEach((option, given) ->
                    resolved.merge(option == WRITE_IN_OPTION ? writeInId : option, given, Math::max));
            return new LinkedHashMap<>(resolved);
        }
    }
}
