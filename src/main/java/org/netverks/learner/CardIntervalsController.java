package org.netverks.learner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.netverks.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What each rating button of a card would do: {@code GET /api/cards/intervals?after=good,good}
 * answers {@code {"again": 0, "hard": 7, "good": 15, "easy": 20}} (days). Open to anonymous
 * learners too, whose ratings live in their browser; the schedule itself is {@link CardScheduler}'s,
 * so the buttons and the account never disagree.
 */
@RestController
class CardIntervalsController {

    @GetMapping("/api/cards/intervals")
    Map<String, Integer> intervals(@RequestParam(name = "after", defaultValue = "") String after) {
        List<String> ratings = after.isBlank() ? List.of() : Arrays.asList(after.split(",", -1));
        if (ratings.size() > ProgressLimits.REVIEWS_PER_CARD) {
            throw new BadRequestException("A card keeps at most " + ProgressLimits.REVIEWS_PER_CARD
                    + " ratings; this asked about " + ratings.size() + ".");
        }
        for (String rating : ratings) {
            if (!CardScheduler.RATINGS.contains(rating)) {
                throw new BadRequestException("Each rating is one of again, hard, good or easy; '"
                        + (rating.length() > 20 ? rating.substring(0, 20) + "…" : rating) + "' is not.");
            }
        }
        return CardScheduler.nextIntervals(ratings);
    }
}
