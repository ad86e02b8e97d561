/*
 * board.h - the responses as the room sees them: the question, then each
 * response, numbered, under the question it answers.
 */
#ifndef ALIGN_BOARD_H
#define ALIGN_BOARD_H

#include <stddef.h>

#include "buf.h"
#include "node.h"

enum align_board_format { ALIGN_BOARD_TEXT, ALIGN_BOARD_MARKDOWN,
	ALIGN_BOARD_CSV };

struct align_board_opts {
	enum align_board_format format;
	size_t width;		/* text: columns to wrap at */
	int color;		/* text: ANSI colours */
};

/* Append the board of the response records in responses (a sequence)
 * under session (may be NULL).  Failure shows in b->failed. */
void align_board(struct align_buf *b, const struct align_node *session,
    const struct align_node *responses, const struct align_board_opts *o);

#endif
