// One array column slice of LUT units (pe.h): TK fabric multipliers of a 5-bit nibble operand ([-8, 7] or [0, 15])
// by a 6-bit activation, the 10-bit products summed over the TK reduction elements. Synthesized without DSPs, as
// the engine binds these multiplies to fabric.
module lut_column #(parameter TK = 24, parameter SUM_BITS = 32) (
    input  wire                       clk,
    input  wire [TK*5-1:0]            w,
    input  wire [TK*6-1:0]            x,
    output reg  signed [SUM_BITS-1:0] s
);
    wire signed [SUM_BITS*(TK+1)-1:0] c;
    assign c[SUM_BITS-1:0] = 0;
    genvar j;
    generate
        for (j = 0; j < TK; j = j + 1) begin : unit
            wire signed [9:0] p = $signed(w[j*5 +: 5]) * $signed(x[j*6 +: 6]);
            assign c[SUM_BITS*(j+1) +: SUM_BITS] = $signed(c[SUM_BITS*j +: SUM_BITS]) + p;
        end
    endgenerate
    always @(posedge clk) s <= c[SUM_BITS*TK +: SUM_BITS];
endmodule
