/* anju-id-card-file.h: ID cards described in key files, for the simulator.
 *
 * The simulator program (anju-idcard-simulator) "inserts" such a card; the
 * kiosk's [id_reader] simulator_card names one.  The format:
 *
 *   [card]
 *   name=王小湘
 *   sex=2                          1 male, 2 female
 *   nation_code=01                 GB 3304
 *   birth_date=1990-05-12
 *   address=湖南省长沙市岳麓区银盆岭街道银盆南路88号
 *   id_no=430104199005120020
 *   authority=长沙市公安局岳麓分局
 *   valid_from=2015-06-01
 *   valid_to=2035-06-01            or 长期
 *
 * Every key is required.  The values are not checked further on purpose:
 * a simulator must be able to present a damaged card (a wrong check
 * character, say) so that the reader's refusal can be tested.
 */
#pragma once

#include "anju-id-card.h"

G_BEGIN_DECLS

AnjuIdCard *anju_id_card_load_key_file  (const char  *path,
                                         GError     **error);
/* A fictional woman of 长沙市岳麓区 with a GB 11643-valid number. */
AnjuIdCard *anju_id_card_new_sample     (void);

G_END_DECLS
