# Stand-ins for the Vitis HLS Tcl commands run_hls.tcl uses, so tclsh can run the generated script: each records
# its call in $::env(QUASAR_STUB_LOG) and writes what the real step would leave behind, with the content the test
# asks for (QUASAR_STUB_CSIM: the csim log; QUASAR_STUB_COSIM: the cosim report; QUASAR_STUB_FAIL: a command that
# raises an error).
proc quasar_stub_record {name arguments} {
    set handle [open $::env(QUASAR_STUB_LOG) a]
    puts $handle "$name $arguments"
    close $handle
    if {[info exists ::env(QUASAR_STUB_FAIL)] && $::env(QUASAR_STUB_FAIL) eq $name} {
        error "$name: stand-in failure"
    }
}

proc quasar_stub_write {path text} {
    file mkdir [file dirname $path]
    set handle [open $path w]
    puts $handle $text
    close $handle
}

foreach command {open_project set_top add_files open_solution set_part create_clock config_interface} {
    proc $command {args} "quasar_stub_record $command \$args"
}

proc csim_design {args} {
    quasar_stub_record csim_design $args
    quasar_stub_write [file join $::quasar_solution_dir csim report ${::quasar_top}_csim.log] $::env(QUASAR_STUB_CSIM)
}

proc csynth_design {args} {
    quasar_stub_record csynth_design $args
    quasar_stub_write $::quasar_csynth_xml "<profile/>"
}

proc cosim_design {args} {
    quasar_stub_record cosim_design $args
    quasar_stub_write [file join $::quasar_solution_dir sim report ${::quasar_top}_cosim.rpt] $::env(QUASAR_STUB_COSIM)
}

proc export_design {args} {
    quasar_stub_record export_design $args
    quasar_stub_write [lindex $args end] "xo"
}
